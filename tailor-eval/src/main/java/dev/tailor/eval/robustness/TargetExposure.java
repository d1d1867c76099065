// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.robustness;

import dev.tailor.algorithms.common.Parallel;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.TopK;
import dev.tailor.eval.harness.EvalData;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.metric.RankingMetrics;
import java.util.BitSet;

/**
 * One scoring pass over the real test users: NDCG@K per user and, for each given target item, how often it
 * reaches the top K and its mean rank. A user counts for a target when the target is rankable and not masked for
 * them (a user who already has it cannot be pushed it).
 *
 * @param ndcg NDCG@K per test-user slot
 * @param hitRate per target: share of eligible users with the target in their top K
 * @param meanRank per target: mean 1-based rank among the user's rankable, unmasked items (ties in its favour)
 * @param eligible per target: users counted
 */
public record TargetExposure(double[] ndcg, double[] hitRate, double[] meanRank, int[] eligible) {
    private static final int CHUNK = 64;

    public static TargetExposure measure(RecommenderModel model, EvalData data, int k, int[] targets, int threads) {
        int slots = data.userCount();
        double[] ndcg = new double[slots];
        long[][] hits = new long[targets.length][Parallel.chunkCount(slots, CHUNK)];
        double[][] rankSum = new double[targets.length][Parallel.chunkCount(slots, CHUNK)];
        int[][] users = new int[targets.length][Parallel.chunkCount(slots, CHUNK)];
        int ndcgIndex = java.util.Arrays.asList(Metric.ACCURACY).indexOf(Metric.NDCG);
        Parallel.forChunks(slots, CHUNK, threads, () -> new Scratch(data, k), (s, chunk, from, to) -> {
            for (int slot = from; slot < to; slot++) {
                model.scoreAll(data.context(slot), s.scores);
                for (int x = data.maskStart(slot); x < data.maskEnd(slot); x++) {
                    s.exclude.set(data.maskItem(x));
                }
                int[] top = TopK.select(s.scores, k, s.exclude);
                for (int x = data.relevantStart(slot); x < data.relevantEnd(slot); x++) {
                    s.relevant.set(data.relevantItem(x));
                }
                for (int j = 0; j < top.length; j++) {
                    s.hits[j] = s.relevant.get(top[j]);
                }
                RankingMetrics.fromHits(s.hits, top.length, data.relevantEnd(slot) - data.relevantStart(slot),
                        s.ks, s.discount, s.accuracy);
                ndcg[slot] = s.accuracy[ndcgIndex][0];
                for (int t = 0; t < targets.length; t++) {
                    int target = targets[t];
                    if (s.exclude.get(target)) {
                        continue;
                    }
                    float st = s.scores[target];
                    int above = 0;
                    for (int i = s.exclude.nextClearBit(0); i < s.scores.length; i = s.exclude.nextClearBit(i + 1)) {
                        if (s.scores[i] > st) {
                            above++;
                        }
                    }
                    users[t][chunk]++;
                    rankSum[t][chunk] += above + 1;
                    if (above < k) {
                        hits[t][chunk]++;
                    }
                }
                for (int x = data.maskStart(slot); x < data.maskEnd(slot); x++) {
                    s.exclude.clear(data.maskItem(x));
                }
                for (int x = data.relevantStart(slot); x < data.relevantEnd(slot); x++) {
                    s.relevant.clear(data.relevantItem(x));
                }
            }
        });
        double[] hitRate = new double[targets.length];
        double[] meanRank = new double[targets.length];
        int[] eligible = new int[targets.length];
        for (int t = 0; t < targets.length; t++) {
            long h = 0;
            double r = 0;
            int n = 0;
            // Summed in chunk order: the result does not depend on the thread count.
            for (int c = 0; c < users[t].length; c++) {
                h += hits[t][c];
                r += rankSum[t][c];
                n += users[t][c];
            }
            eligible[t] = n;
            hitRate[t] = n == 0 ? Double.NaN : (double) h / n;
            meanRank[t] = n == 0 ? Double.NaN : r / n;
        }
        return new TargetExposure(ndcg, hitRate, meanRank, eligible);
    }

    private static final class Scratch {
        final float[] scores;
        final BitSet exclude;
        final BitSet relevant;
        final boolean[] hits;
        final int[] ks;
        final double[] discount;
        final double[][] accuracy;

        Scratch(EvalData data, int k) {
            scores = new float[data.itemCount()];
            exclude = data.unrankable();
            relevant = new BitSet(data.itemCount());
            hits = new boolean[k];
            ks = new int[] {k};
            discount = RankingMetrics.discounts(k);
            accuracy = new double[Metric.ACCURACY.length][1];
        }
    }
}
