// SPDX-License-Identifier: Apache-2.0
/**
 * Metric definitions ({@link dev.tailor.eval.metric.Metric}) and allocation-free per-user kernels: accuracy at K
 * from a hit vector and AUC from the relevant items' ranks ({@link dev.tailor.eval.metric.RankingMetrics}),
 * novelty, popularity and intra-list diversity ({@link dev.tailor.eval.metric.BeyondAccuracy}), coverage and
 * Gini of exposure ({@link dev.tailor.eval.metric.Exposure}).
 */
package dev.tailor.eval.metric;
