// SPDX-License-Identifier: Apache-2.0
/**
 * Fairness of recommendations on both sides of the shop. For customers: {@link
 * dev.tailor.eval.fairness.SegmentGaps} compares accuracy between user groups (gender, age, segments) with
 * confidence intervals and Welch tests of each group against everyone else. For items and sellers: {@link
 * dev.tailor.eval.fairness.ExposureShares} sets each category's and each popularity decile's share of
 * recommendation slots against its share of the catalog. {@link dev.tailor.eval.fairness.PopularityReranker}
 * trades accuracy for less popularity bias, and {@link dev.tailor.eval.fairness.RerankSweep} measures that
 * trade-off across the re-ranker's strength; {@link dev.tailor.eval.fairness.FairnessReport} writes it all.
 */
package dev.tailor.eval.fairness;
