// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.userknn;

import dev.tailor.algorithms.common.Checks;
import dev.tailor.algorithms.common.Events;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.algorithms.similarity.Similarity;
import dev.tailor.algorithms.similarity.SimilarityMeasure;
import dev.tailor.algorithms.similarity.Weighting;
import dev.tailor.core.data.EventWeights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of user-kNN. Spec example: {@code user-knn:k=50,shrink=10}.
 *
 * @param k neighbours per user, >= 1
 * @param similarity cosine (default), jaccard or asymmetric
 * @param shrink added to the similarity's denominator, >= 0
 * @param alpha asymmetry in [0, 1] (asymmetric only): weight of the served user's norm
 * @param weighting re-weighting of the user x item matrix: none, tfidf or bm25 (items as terms, so
 *     blockbusters say less about two users' affinity)
 * @param bm25K1 BM25 saturation k1, >= 0
 * @param bm25B BM25 length normalization b in [0, 1]
 * @param foldIn whether known users' neighbours are also computed from the scoring context (reacting to
 *     events posted after training, at the cost of one pass over the co-occurring users per call)
 * @param events how event types weigh
 * @param threads training threads, 0 = all processors (results do not depend on it)
 */
public record UserKnnConfig(int k, Similarity similarity, double shrink, double alpha, Weighting weighting,
        double bm25K1, double bm25B, boolean foldIn, EventWeights events, int threads) {
    public static final String NAME = "user-knn";

    public static final List<Param> PARAMS = List.of(
            Param.integer("k", 200, 5, 2000, true, "neighbours per user"),
            Param.choice("sim", "cosine", Similarity.specNames(), "similarity measure"),
            Param.real("shrink", 10, 0.1, 1000, true, "shrinkage added to the similarity's denominator"),
            Param.real("alpha", 0.5, 0, 1, false, "asymmetric cosine: weight of the served user's norm"),
            Param.choice("weighting", "none", Weighting.specNames(), "re-weighting of the user x item matrix"),
            Param.real("bm25-k1", 1.2, 0.1, 100, true, "BM25 term saturation"),
            Param.real("bm25-b", 0.75, 0, 1, false, "BM25 length normalization"),
            Param.bool("fold-in", false, "compute known users' neighbours from the live context too"),
            Events.param("default"),
            Param.integer("threads", 0, 0, 0, false, "training threads, 0 = all processors").fixed());

    public UserKnnConfig {
        Checks.of(NAME)
                .atLeast("k", k, 1)
                .notNull("sim", similarity)
                .atLeast("shrink", shrink, 0)
                .between("alpha", alpha, 0, 1)
                .notNull("weighting", weighting)
                .atLeast("bm25-k1", bm25K1, 0)
                .between("bm25-b", bm25B, 0, 1)
                .notNull(Events.NAME, events)
                .atLeast("threads", threads, 0)
                .done();
    }

    public static UserKnnConfig defaults() {
        return from(ParamValues.defaults(NAME, PARAMS));
    }

    public static UserKnnConfig from(ParamValues p) {
        return new UserKnnConfig(p.integer("k"), Similarity.parse(p.text("sim")), p.real("shrink"),
                p.real("alpha"), Weighting.parse(p.text("weighting")), p.real("bm25-k1"), p.real("bm25-b"),
                p.bool("fold-in"), Events.parse(NAME, p.text(Events.NAME)), p.integer("threads"));
    }

    public SimilarityMeasure measure() {
        return new SimilarityMeasure(similarity, shrink, alpha);
    }

    /** Spec parameters reproducing this config; {@code threads} is left out as it cannot change the model. */
    public Map<String, String> toParams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("k", Integer.toString(k));
        m.put("sim", similarity.specName());
        m.put("shrink", Param.formatReal(shrink));
        m.put("alpha", Param.formatReal(alpha));
        m.put("weighting", weighting.specName());
        m.put("bm25-k1", Param.formatReal(bm25K1));
        m.put("bm25-b", Param.formatReal(bm25B));
        m.put("fold-in", Boolean.toString(foldIn));
        m.put(Events.NAME, Events.format(events));
        return m;
    }

    /** A copy with another thread count. */
    public UserKnnConfig withThreads(int newThreads) {
        return new UserKnnConfig(k, similarity, shrink, alpha, weighting, bm25K1, bm25B, foldIn, events,
                newThreads);
    }
}
