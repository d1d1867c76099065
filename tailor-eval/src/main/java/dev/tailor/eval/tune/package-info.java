// SPDX-License-Identifier: Apache-2.0
/**
 * Hyper-parameter search on a split's validation part: random search and successive halving over the search
 * spaces the algorithm registry exposes ({@link dev.tailor.eval.tune.Tuner}), with a TSV of every trial
 * ({@link dev.tailor.eval.tune.TuneResult}).
 */
package dev.tailor.eval.tune;
