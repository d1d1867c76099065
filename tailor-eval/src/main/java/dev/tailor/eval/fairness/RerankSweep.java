// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.fairness;

import dev.tailor.algorithms.common.Parallel;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;
import dev.tailor.eval.harness.EvalData;
import dev.tailor.eval.metric.Exposure;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.metric.RankingMetrics;
import dev.tailor.eval.stats.MeanCi;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * The accuracy/exposure trade-off of a {@link PopularityReranker} across its strength λ, on the same test users,
 * masking and relevance as the harness. Each user is scored once: the top {@code candidates} unmasked items are
 * re-ranked for every λ, so a sweep costs one evaluation plus cheap greedy passes.
 */
public final class RerankSweep {
    private static final int CHUNK = 64;
    private static final int NDCG_INDEX = indexOf(Metric.NDCG);

    private RerankSweep() {
    }

    /**
     * One λ's outcome.
     *
     * @param lambda the re-ranker's strength
     * @param ndcg NDCG@K over test users (mean, 95% CI)
     * @param tailShare share of long-tail items in the lists, averaged over users (APLT of Abdollahpouri et al.)
     * @param gini Gini index of exposure over the rankable items
     * @param coverage share of rankable items shown to anybody
     * @param perUserNdcg NDCG@K per test-user slot, for paired comparisons with λ = 0
     */
    public record Point(double lambda, MeanCi ndcg, MeanCi tailShare, double gini, double coverage,
            double[] perUserNdcg) {
    }

    /**
     * @param head the short head ({@link PopularityReranker#shortHead})
     * @param lambdas strengths, each in [0, 1]
     * @param k list length
     * @param candidates base-ranked items to re-rank from, &gt;= k
     * @param threads 0 = all processors; results do not depend on it
     */
    public static List<Point> run(RecommenderModel model, EvalData data, BitSet head, double[] lambdas, int k,
            int candidates, int threads) {
        if (candidates < k) {
            throw ValidationException.of("candidates", "expected at least K = " + k + " candidates, got "
                    + candidates);
        }
        PopularityReranker[] rerankers = new PopularityReranker[lambdas.length];
        for (int l = 0; l < lambdas.length; l++) {
            rerankers[l] = new PopularityReranker(head, lambdas[l]);
        }
        int slots = data.userCount();
        double[][] ndcg = new double[lambdas.length][slots];
        double[][] tail = new double[lambdas.length][slots];
        List<Scratch> scratches = Collections.synchronizedList(new ArrayList<>());
        Parallel.forChunks(slots, CHUNK, threads, () -> {
            Scratch s = new Scratch(data, lambdas.length, k, candidates);
            scratches.add(s);
            return s;
        }, (s, chunk, from, to) -> {
            for (int slot = from; slot < to; slot++) {
                user(model, data, slot, s, rerankers, k, candidates, ndcg, tail);
            }
        });
        BitSet rankable = ExposureShares.rankable(data);
        List<Point> points = new ArrayList<>();
        for (int l = 0; l < lambdas.length; l++) {
            int[] counts = new int[data.itemCount()];
            for (Scratch s : scratches) {
                for (int i = 0; i < counts.length; i++) {
                    counts[i] += s.exposure[l][i];
                }
            }
            points.add(new Point(lambdas[l], MeanCi.of(ndcg[l]), MeanCi.of(tail[l]), Exposure.gini(counts, rankable),
                    Exposure.coverage(counts, rankable), ndcg[l]));
        }
        return points;
    }

    private static void user(RecommenderModel model, EvalData data, int slot, Scratch s,
            PopularityReranker[] rerankers, int k, int candidates, double[][] ndcg, double[][] tail) {
        UserContext ctx = data.context(slot);
        model.scoreAll(ctx, s.scores);
        for (int x = data.maskStart(slot); x < data.maskEnd(slot); x++) {
            s.exclude.set(data.maskItem(x));
        }
        int[] top = TopK.select(s.scores, candidates, s.exclude);
        for (int j = 0; j < top.length; j++) {
            s.candidateScores[j] = s.scores[top[j]];
        }
        for (int x = data.relevantStart(slot); x < data.relevantEnd(slot); x++) {
            s.relevant.set(data.relevantItem(x));
        }
        int numRel = data.relevantEnd(slot) - data.relevantStart(slot);
        double userHead = rerankers[0].headShare(ctx.items());
        for (int l = 0; l < rerankers.length; l++) {
            int m = rerankers[l].rerank(top, s.candidateScores, top.length, userHead, k, s.list, s.used);
            int tailCount = 0;
            for (int j = 0; j < m; j++) {
                s.hits[j] = s.relevant.get(s.list[j]);
                s.exposure[l][s.list[j]]++;
                if (!rerankers[l].isHead(s.list[j])) {
                    tailCount++;
                }
            }
            RankingMetrics.fromHits(s.hits, m, numRel, s.ks, s.discount, s.accuracy);
            ndcg[l][slot] = s.accuracy[NDCG_INDEX][0];
            tail[l][slot] = m == 0 ? Double.NaN : (double) tailCount / m;
        }
        for (int x = data.maskStart(slot); x < data.maskEnd(slot); x++) {
            s.exclude.clear(data.maskItem(x));
        }
        for (int x = data.relevantStart(slot); x < data.relevantEnd(slot); x++) {
            s.relevant.clear(data.relevantItem(x));
        }
    }

    private static int indexOf(Metric m) {
        for (int i = 0; i < Metric.ACCURACY.length; i++) {
            if (Metric.ACCURACY[i] == m) {
                return i;
            }
        }
        throw new IllegalStateException(m + " is not an accuracy metric");
    }

    private static final class Scratch {
        final float[] scores;
        final BitSet exclude;
        final BitSet relevant;
        final float[] candidateScores;
        final int[] list;
        final boolean[] used;
        final boolean[] hits;
        final int[] ks;
        final double[] discount;
        final double[][] accuracy;
        final int[][] exposure;

        Scratch(EvalData data, int lambdas, int k, int candidates) {
            scores = new float[data.itemCount()];
            exclude = data.unrankable();
            relevant = new BitSet(data.itemCount());
            candidateScores = new float[candidates];
            list = new int[k];
            used = new boolean[candidates];
            hits = new boolean[k];
            ks = new int[] {k};
            discount = RankingMetrics.discounts(k);
            accuracy = new double[Metric.ACCURACY.length][1];
            exposure = new int[lambdas][data.itemCount()];
        }
    }
}
