// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.harness;

import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.stats.PairedComparison;

/**
 * Paired significance of model {@code a} against model {@code b} on one metric at one cutoff.
 *
 * @param k the cutoff (0 for metrics not cut at K)
 */
public record Comparison(String a, String b, Metric metric, int k, PairedComparison stats) {
    public String metricLabel() {
        return metric.label(k);
    }
}
