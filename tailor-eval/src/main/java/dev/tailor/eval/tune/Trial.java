// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.tune;

/**
 * One configuration tried on one budget.
 *
 * @param id configuration number (stable across rungs of successive halving)
 * @param spec the model spec tried
 * @param rung 0 for random search; the successive-halving rung otherwise
 * @param fraction share of training users the model was trained on
 * @param score the target metric's mean over validation users (NaN if training failed)
 * @param millis train + evaluation wall time
 */
public record Trial(int id, String spec, int rung, double fraction, double score, long millis) {
}
