// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.harness;

import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.stats.MeanCi;
import java.util.List;
import java.util.Optional;

/**
 * Every model's results on one split, with the pairwise comparisons.
 *
 * @param data the prepared split (test users, relevance, groups)
 * @param models results in the order the models were given
 * @param comparisons every pair of models on every compared metric and cutoff
 * @param wallMillis wall time of the whole run
 */
public record ExperimentResult(EvalData data, List<ModelResult> models, List<Comparison> comparisons,
        long wallMillis) {
    public ExperimentResult {
        models = List.copyOf(models);
        comparisons = List.copyOf(comparisons);
    }

    public Optional<ModelResult> model(String label) {
        return models.stream().filter(m -> m.label().equals(label)).findFirst();
    }

    /** Mean and 95% CI of a metric over all test users. */
    public MeanCi summary(ModelResult m, Metric metric, int kIndex) {
        return MeanCi.of(m.perUser(metric, kIndex));
    }

    /** Mean and 95% CI over the test users in group {@code group} of {@code groups}. */
    public MeanCi summary(ModelResult m, Metric metric, int kIndex, Groups groups, int group) {
        double[] v = m.perUser(metric, kIndex);
        double[] in = new double[v.length];
        int n = 0;
        for (int s = 0; s < v.length; s++) {
            int u = data.user(s);
            for (int k = groups.start(u); k < groups.end(u); k++) {
                if (groups.group(k) == group) {
                    in[n++] = v[s];
                    break;
                }
            }
        }
        return MeanCi.of(in, n);
    }

    public Optional<Comparison> comparison(String a, String b, Metric metric, int k) {
        return comparisons.stream().filter(c -> c.a().equals(a) && c.b().equals(b) && c.metric() == metric
                && c.k() == k).findFirst();
    }
}
