// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.itemknn;

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
 * Settings of item-kNN. Spec example: {@code item-knn:k=100,sim=cosine,shrink=10}. The defaults (k=200,
 * asymmetric cosine with alpha 0.7, shrink 20, exponent 1.5, recency 0.7) sit between the optima found by
 * tuning on the validation item of Amazon Beauty and Sports (leave-one-out, 0/1 interactions); shrink is in
 * the units of the matrix entries, so with purchases weighing 5 it acts like shrink / 25 on 0/1 data.
 *
 * @param k neighbours kept per item, >= 1
 * @param similarity cosine, jaccard (Tanimoto) or asymmetric cosine
 * @param shrink added to the similarity's denominator, >= 0
 * @param alpha asymmetry in [0, 1] (asymmetric only): weight of the history item's norm; 0.5 = cosine
 * @param weighting re-weighting of the item x user matrix: none, tfidf or bm25 (users as terms)
 * @param bm25K1 BM25 saturation k1, >= 0
 * @param bm25B BM25 length normalization b in [0, 1]
 * @param normalize scale each item's neighbour similarities to sum to 1 (Deshpande and Karypis 2004)
 * @param exponent similarities are raised to this power, > 0 (Aiolli's locality q; 1 = off)
 * @param recency in (0, 1]: the history entry p steps before the latest counts recency^p (1 = order-blind)
 * @param events how event types weigh in the user x item matrix
 * @param threads training threads, 0 = all processors (results do not depend on it)
 */
public record ItemKnnConfig(int k, Similarity similarity, double shrink, double alpha, Weighting weighting,
        double bm25K1, double bm25B, boolean normalize, double exponent, double recency, EventWeights events,
        int threads) {
    public static final String NAME = "item-knn";

    public static final List<Param> PARAMS = List.of(
            Param.integer("k", 200, 5, 2000, true, "neighbours kept per item"),
            Param.choice("sim", "asymmetric", Similarity.specNames(), "similarity measure"),
            Param.real("shrink", 20, 0.1, 1000, true, "shrinkage added to the similarity's denominator"),
            Param.real("alpha", 0.7, 0, 1, false, "asymmetric cosine: weight of the history item's norm"),
            Param.choice("weighting", "none", Weighting.specNames(), "re-weighting of the item x user matrix"),
            Param.real("bm25-k1", 1.2, 0.1, 100, true, "BM25 term saturation"),
            Param.real("bm25-b", 0.75, 0, 1, false, "BM25 length normalization"),
            Param.bool("normalize", false, "scale each item's neighbour similarities to sum to 1"),
            Param.real("exponent", 1.5, 0.5, 4, false, "similarities raised to this power"),
            Param.real("recency", 0.7, 0.3, 1, false, "history entry p steps before the latest counts recency^p"),
            Events.param("default"),
            Param.integer("threads", 0, 0, 0, false, "training threads, 0 = all processors").fixed());

    public ItemKnnConfig {
        Checks.of(NAME)
                .atLeast("k", k, 1)
                .notNull("sim", similarity)
                .atLeast("shrink", shrink, 0)
                .between("alpha", alpha, 0, 1)
                .notNull("weighting", weighting)
                .atLeast("bm25-k1", bm25K1, 0)
                .between("bm25-b", bm25B, 0, 1)
                .aboveAtMost("exponent", exponent, 0, 100)
                .aboveAtMost("recency", recency, 0, 1)
                .notNull(Events.NAME, events)
                .atLeast("threads", threads, 0)
                .done();
    }

    public static ItemKnnConfig defaults() {
        return from(ParamValues.defaults(NAME, PARAMS));
    }

    public static ItemKnnConfig from(ParamValues p) {
        return new ItemKnnConfig(p.integer("k"), Similarity.parse(p.text("sim")), p.real("shrink"),
                p.real("alpha"), Weighting.parse(p.text("weighting")), p.real("bm25-k1"), p.real("bm25-b"),
                p.bool("normalize"), p.real("exponent"), p.real("recency"), Events.parse(NAME, p.text(Events.NAME)),
                p.integer("threads"));
    }

    /** The similarity this config computes. */
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
        m.put("normalize", Boolean.toString(normalize));
        m.put("exponent", Param.formatReal(exponent));
        m.put("recency", Param.formatReal(recency));
        m.put(Events.NAME, Events.format(events));
        return m;
    }

    /** A copy with another neighbourhood size (handy in tests and searches). */
    public ItemKnnConfig withK(int newK) {
        return new ItemKnnConfig(newK, similarity, shrink, alpha, weighting, bm25K1, bm25B, normalize, exponent,
                recency, events, threads);
    }

    /** A copy with another thread count. */
    public ItemKnnConfig withThreads(int newThreads) {
        return new ItemKnnConfig(k, similarity, shrink, alpha, weighting, bm25K1, bm25B, normalize, exponent,
                recency, events, newThreads);
    }
}
