// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.fairness;

import dev.tailor.core.model.RecommenderModel;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.Groups;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.stats.MeanCi;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Everything the fairness report says about one model at one cutoff.
 *
 * @param model the model's label
 * @param k the cutoff
 * @param overall NDCG@K over all test users
 * @param gaps per-group NDCG@K gaps, every grouping of the run
 * @param gini Gini index of exposure at K
 * @param coverage catalog coverage at K
 * @param byCategory exposure shares per category
 * @param byPopularity exposure shares per popularity decile
 * @param sweep the re-ranker's trade-off curve (empty when not computed)
 */
public record ModelFairness(String model, int k, MeanCi overall, List<GroupGap> gaps, double gini, double coverage,
        ExposureShares byCategory, ExposureShares byPopularity, List<RerankSweep.Point> sweep) {
    public ModelFairness {
        gaps = List.copyOf(gaps);
        sweep = List.copyOf(sweep);
    }

    /**
     * Analyzes a model of an experiment.
     *
     * @param kIndex index of the cutoff in the run's K list
     * @param trained the trained model, for the re-ranking sweep; empty skips it
     * @param lambdas re-ranker strengths
     * @param candidates items re-ranked per user
     * @param headShare share of training interactions that defines the short head (0.2 in the paper)
     */
    public static ModelFairness analyze(ExperimentResult r, ModelResult m, int kIndex,
            Optional<RecommenderModel> trained, double[] lambdas, int candidates, double headShare) {
        int k = r.data().config().ks()[kIndex];
        double[] ndcg = m.perUser(Metric.NDCG, kIndex);
        List<GroupGap> gaps = new ArrayList<>();
        for (Groups g : r.data().groups()) {
            gaps.addAll(SegmentGaps.of(r.data(), ndcg, g));
        }
        int[] counts = ExposureShares.counts(m, r.data(), k);
        List<RerankSweep.Point> sweep = List.of();
        if (trained.isPresent()) {
            int n = r.data().itemCount();
            int[] pop = new int[n];
            for (int i = 0; i < n; i++) {
                pop[i] = r.data().items().trainUsers(i);
            }
            BitSet head = PopularityReranker.shortHead(pop, ExposureShares.rankable(r.data()), headShare);
            sweep = RerankSweep.run(trained.get(), r.data(), head, lambdas, k, candidates,
                    r.data().config().threads());
        }
        return new ModelFairness(m.label(), k, MeanCi.of(ndcg), gaps, ExposureShares.gini(counts, r.data()),
                m.coverage()[kIndex], ExposureShares.byCategory(counts, r.data()),
                ExposureShares.byPopularity(counts, r.data(), 10), sweep);
    }
}
