// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.harness;

import dev.tailor.algorithms.common.Parallel;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;
import dev.tailor.eval.metric.BeyondAccuracy;
import dev.tailor.eval.metric.Exposure;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.metric.RankingMetrics;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scores every test user with a trained model and computes the per-user metrics. Users are processed in chunks
 * on several threads, each with its own score buffer, exclusion bit set and hit vector; results go to
 * preallocated per-slot arrays, so the outcome does not depend on the thread count or scheduling.
 */
public final class Evaluator {
    private static final int CHUNK = 128;

    private Evaluator() {
    }

    /**
     * @param label name of the model in reports
     * @param spec its full configuration
     * @param trainMillis training wall time, carried into the result
     */
    public static ModelResult evaluate(RecommenderModel model, EvalData data, String label, String spec,
            long trainMillis, ProgressListener progress) {
        if (model.itemCount() != data.itemCount()) {
            throw new IllegalArgumentException(label + " scores " + model.itemCount() + " items but the split has "
                    + data.itemCount());
        }
        long t0 = System.nanoTime();
        EvalConfig config = data.config();
        int[] ks = config.ks();
        int maxK = config.maxK();
        int slots = data.userCount();
        int metrics = Metric.values().length;
        double[][][] values = new double[metrics][ks.length][slots];
        int[] recItems = new int[slots * maxK];
        float[] recScores = new float[slots * maxK];
        int[] recLength = new int[slots];
        List<Scratch> scratches = Collections.synchronizedList(new ArrayList<>());
        AtomicLong done = new AtomicLong();
        String stage = "score " + label;
        progress.progress(stage, 0, slots);
        Parallel.forChunks(slots, CHUNK, config.threads(), () -> {
            Scratch s = new Scratch(data, ks.length, maxK);
            scratches.add(s);
            return s;
        }, (s, chunk, from, to) -> {
            for (int slot = from; slot < to; slot++) {
                evaluateUser(model, data, slot, s, ks, maxK, values, recItems, recScores, recLength);
            }
            progress.progress(stage, done.addAndGet(to - from), slots);
        });
        int[][] exposure = new int[ks.length][data.itemCount()];
        for (Scratch s : scratches) {
            for (int c = 0; c < ks.length; c++) {
                for (int i = 0; i < exposure[c].length; i++) {
                    exposure[c][i] += s.exposure[c][i];
                }
            }
        }
        BitSet rankable = data.unrankable();
        rankable.flip(0, data.itemCount());
        double[] coverage = new double[ks.length];
        double[] gini = new double[ks.length];
        for (int c = 0; c < ks.length; c++) {
            coverage[c] = Exposure.coverage(exposure[c], rankable);
            gini[c] = Exposure.gini(exposure[c], rankable);
        }
        long evalMillis = (System.nanoTime() - t0) / 1_000_000;
        return new ModelResult(label, spec, model.provenance(), trainMillis, evalMillis, values, recItems, recScores,
                recLength, coverage, gini);
    }

    private static void evaluateUser(RecommenderModel model, EvalData data, int slot, Scratch s, int[] ks, int maxK,
            double[][][] values, int[] recItems, float[] recScores, int[] recLength) {
        UserContext ctx = data.context(slot);
        model.scoreAll(ctx, s.scores);
        int maskFrom = data.maskStart(slot);
        int maskTo = data.maskEnd(slot);
        for (int k = maskFrom; k < maskTo; k++) {
            s.exclude.set(data.maskItem(k));
        }
        int relFrom = data.relevantStart(slot);
        int relTo = data.relevantEnd(slot);
        int numRel = relTo - relFrom;
        for (int k = relFrom; k < relTo; k++) {
            int item = data.relevantItem(k);
            s.relevant[k - relFrom] = item;
            s.relevantSet.set(item);
        }
        int[] top;
        int length;
        double auc;
        var sampling = data.config().sampling();
        if (sampling.isEmpty()) {
            top = TopK.select(s.scores, maxK, s.exclude);
            length = top.length;
            int candidates = data.rankableCount() - (maskTo - maskFrom);
            auc = RankingMetrics.auc(s.scores, s.exclude, s.relevant, numRel, s.relevantSet, candidates,
                    s.aucScratch);
        } else {
            int count = sampleCandidates(data, slot, s, numRel, sampling.get());
            auc = RankingMetrics.aucAmong(s.scores, s.candidates, count, s.relevantSet, s.aucScratch);
            length = RankingMetrics.rankAmong(s.scores, s.candidates, count, maxK);
            top = s.candidates;
        }
        for (int j = 0; j < length; j++) {
            s.hits[j] = s.relevantSet.get(top[j]);
            recItems[slot * maxK + j] = top[j];
            recScores[slot * maxK + j] = s.scores[top[j]];
        }
        recLength[slot] = length;
        RankingMetrics.fromHits(s.hits, length, numRel, ks, s.discount, s.accuracy);
        for (int m = 0; m < Metric.ACCURACY.length; m++) {
            int ord = Metric.ACCURACY[m].ordinal();
            for (int c = 0; c < ks.length; c++) {
                values[ord][c][slot] = s.accuracy[m][c];
            }
        }
        values[Metric.AUC.ordinal()][0][slot] = auc;
        for (int c = 1; c < ks.length; c++) {
            values[Metric.AUC.ordinal()][c][slot] = auc;
        }
        BeyondAccuracy items = data.items();
        for (int c = 0; c < ks.length; c++) {
            values[Metric.NOVELTY.ordinal()][c][slot] = items.novelty(top, 0, length, ks[c]);
            values[Metric.POPULARITY.ordinal()][c][slot] = items.popularity(top, 0, length, ks[c]);
            values[Metric.DIVERSITY.ordinal()][c][slot] = items.diversity(top, 0, length, ks[c]);
            int[] counts = s.exposure[c];
            for (int j = 0, n = Math.min(ks[c], length); j < n; j++) {
                counts[top[j]]++;
            }
        }
        for (int k = maskFrom; k < maskTo; k++) {
            s.exclude.clear(data.maskItem(k));
        }
        for (int k = 0; k < numRel; k++) {
            s.relevantSet.clear(s.relevant[k]);
        }
    }

    /**
     * Relevant items that can be ranked plus {@code negatives} other rankable, unmasked, non-relevant items drawn
     * without replacement; all of them when fewer are available.
     */
    private static int sampleCandidates(EvalData data, int slot, Scratch s, int numRel, Sampling sampling) {
        int count = 0;
        for (int k = 0; k < numRel; k++) {
            if (!s.exclude.get(s.relevant[k])) {
                s.candidates[count++] = s.relevant[k];
            }
        }
        int masked = data.maskEnd(slot) - data.maskStart(slot);
        int available = data.rankableCount() - masked - count;
        int want = Math.min(sampling.negatives(), Math.max(0, available));
        SplittableRandom r = userRandom(sampling.seed(), data.user(slot));
        int n = data.itemCount();
        int drawn = 0;
        int attempts = 0;
        int maxAttempts = 64 * (want + 1);
        while (drawn < want && attempts++ < maxAttempts) {
            int item = sampling.byPopularity() ? s.popularItem(r) : r.nextInt(n);
            if (item >= 0 && !s.exclude.get(item) && !s.relevantSet.get(item) && !s.chosen.get(item)) {
                s.chosen.set(item);
                s.candidates[count++] = item;
                drawn++;
            }
        }
        // Rejection stalls only when nearly every item is excluded: take the rest in index order.
        for (int item = 0; item < n && drawn < want; item++) {
            if (!s.exclude.get(item) && !s.relevantSet.get(item) && !s.chosen.get(item)) {
                s.chosen.set(item);
                s.candidates[count++] = item;
                drawn++;
            }
        }
        for (int c = 0; c < count; c++) {
            s.chosen.clear(s.candidates[c]);
        }
        return count;
    }

    private static SplittableRandom userRandom(long seed, int user) {
        long z = seed + 0x9E3779B97F4A7C15L * (user + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    /** Per-thread buffers: nothing is allocated per item, and per user only the model's context. */
    private static final class Scratch {
        final float[] scores;
        final BitSet exclude;
        final BitSet relevantSet;
        final BitSet chosen;
        final int[] relevant;
        final boolean[] hits;
        final double[] discount;
        final double[][] accuracy;
        final float[] aucScratch;
        final int[] candidates;
        final int[][] exposure;
        final double[] popularityCdf;

        Scratch(EvalData data, int nk, int maxK) {
            int n = data.itemCount();
            scores = new float[n];
            exclude = data.unrankable();
            relevantSet = new BitSet(n);
            chosen = new BitSet(n);
            relevant = new int[Math.max(1, data.maxRelevant())];
            int sampled = data.config().sampling().map(Sampling::negatives).orElse(0);
            hits = new boolean[Math.max(maxK, data.maxRelevant() + sampled)];
            discount = RankingMetrics.discounts(maxK);
            accuracy = new double[Metric.ACCURACY.length][nk];
            aucScratch = new float[Math.max(1, data.maxRelevant())];
            candidates = new int[data.maxRelevant() + sampled + 1];
            exposure = new int[nk][n];
            popularityCdf = data.config().sampling().filter(Sampling::byPopularity).isPresent()
                    ? cdf(data) : new double[0];
        }

        private static double[] cdf(EvalData data) {
            int n = data.itemCount();
            double[] c = new double[n];
            double sum = 0;
            BitSet unrankable = data.unrankable();
            for (int i = 0; i < n; i++) {
                if (!unrankable.get(i)) {
                    sum += data.items().trainUsers(i);
                }
                c[i] = sum;
            }
            return c;
        }

        /** An item drawn in proportion to training popularity; -1 when no item has any. */
        int popularItem(SplittableRandom r) {
            double total = popularityCdf[popularityCdf.length - 1];
            if (total <= 0) {
                return -1;
            }
            double x = r.nextDouble() * total;
            int lo = 0;
            int hi = popularityCdf.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (popularityCdf[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
