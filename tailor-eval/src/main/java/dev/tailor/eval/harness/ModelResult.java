// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.harness;

import dev.tailor.core.model.Provenance;
import dev.tailor.eval.metric.Metric;

/**
 * One model's evaluation: per-user metric values (the input of means, intervals and paired tests), the
 * recommendation lists, and the exposure-based aggregates.
 *
 * @param label short name in reports, e.g. "item-knn:k=50"
 * @param spec the full spec with every parameter
 * @param provenance how the model was made
 * @param trainMillis wall time of training
 * @param evalMillis wall time of scoring and metrics
 * @param values values[metric.ordinal()][kIndex][slot]; AUC uses kIndex 0; NaN where undefined for a user
 * @param recItems top max(K) items per slot, row-major with stride max(K)
 * @param recScores their scores
 * @param recLength list length per slot (shorter than max(K) only when fewer items can be ranked)
 * @param coverage catalog coverage per K
 * @param gini Gini index of exposure per K
 */
public record ModelResult(String label, String spec, Provenance provenance, long trainMillis, long evalMillis,
        double[][][] values, int[] recItems, float[] recScores, int[] recLength, double[] coverage, double[] gini) {

    /** Per-user values of a metric at the cutoff index. */
    public double[] perUser(Metric m, int kIndex) {
        return values[m.ordinal()][m.atK() ? kIndex : 0];
    }
}
