// SPDX-License-Identifier: Apache-2.0
/**
 * Statistics for honest comparisons: means with t confidence intervals ({@link dev.tailor.eval.stats.MeanCi}),
 * paired t-test, Wilcoxon signed-rank test and bootstrap interval of a mean difference
 * ({@link dev.tailor.eval.stats.PairedComparison}), on distribution functions implemented here
 * ({@link dev.tailor.eval.stats.Distributions}).
 */
package dev.tailor.eval.stats;
