// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.metric;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The per-user accuracy kernels. They work on one user's ranked list and relevant set, allocate nothing, and are
 * shared by the full-ranking and the sampled protocols. See {@link Metric} for the definitions.
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** 1 / log2(j + 2) for j = 0..n-1: the discount of the (j+1)-th position. */
    public static double[] discounts(int n) {
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            d[j] = 1.0 / (Math.log(j + 2) / Math.log(2));
        }
        return d;
    }

    /**
     * Fills {@code out[m][c]} with metric {@link Metric#ACCURACY}[m] at cutoff {@code ks[c]}.
     *
     * @param hits hits[j] whether the (j+1)-th recommendation is relevant, j &lt; length
     * @param length how many recommendations there are (may be fewer than the largest K)
     * @param numRelevant the user's relevant item count, > 0 (relevant items the list can never contain, such
     *     as masked ones, still count: missing them is a miss)
     * @param ks cutoffs, ascending
     * @param discount {@link #discounts} of at least max(ks) entries
     */
    public static void fromHits(boolean[] hits, int length, int numRelevant, int[] ks, double[] discount,
            double[][] out) {
        int hitCount = 0;
        double dcg = 0;
        double apSum = 0;
        int firstHit = -1;
        int j = 0;
        for (int c = 0; c < ks.length; c++) {
            int k = ks[c];
            int stop = Math.min(k, length);
            for (; j < stop; j++) {
                if (hits[j]) {
                    hitCount++;
                    dcg += discount[j];
                    apSum += (double) hitCount / (j + 1);
                    if (firstHit < 0) {
                        firstHit = j;
                    }
                }
            }
            int ideal = Math.min(numRelevant, k);
            double idcg = 0;
            for (int i = 0; i < ideal; i++) {
                idcg += discount[i];
            }
            double precision = (double) hitCount / k;
            double recall = (double) hitCount / numRelevant;
            out[0][c] = precision;
            out[1][c] = recall;
            out[2][c] = hitCount == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out[3][c] = dcg / idcg;
            out[4][c] = apSum / ideal;
            out[5][c] = firstHit >= 0 ? 1.0 / (firstHit + 1) : 0;
            out[6][c] = hitCount > 0 ? 1 : 0;
        }
    }

    /**
     * AUC over every item not in {@code excluded}: the share of (relevant, other) pairs ordered correctly, ties
     * 1/2. O(n log r) for n items and r relevant: the relevant scores are sorted once, then each other item
     * counts the relevant scores above and equal to its own by binary search; nothing is sorted over all items.
     * NaN and -infinity scores rank lowest.
     *
     * @param relevant the relevant items (distinct); those in {@code excluded} are ignored
     * @param isRelevant the same items as a bit set
     * @param candidates number of items not in {@code excluded}
     * @param scratch at least relevant.length floats
     * @return the AUC, or NaN when there is no relevant or no other rankable item
     */
    public static double auc(float[] scores, BitSet excluded, int[] relevant, int relevantCount, BitSet isRelevant,
            int candidates, float[] scratch) {
        int p = 0;
        for (int r = 0; r < relevantCount; r++) {
            int item = relevant[r];
            if (excluded == null || !excluded.get(item)) {
                scratch[p++] = clean(scores[item]);
            }
        }
        int negatives = candidates - p;
        if (p == 0 || negatives <= 0) {
            return Double.NaN;
        }
        Arrays.sort(scratch, 0, p);
        double correct = 0;
        int n = scores.length;
        for (int i = (excluded == null ? 0 : excluded.nextClearBit(0)); i < n;
                i = excluded == null ? i + 1 : excluded.nextClearBit(i + 1)) {
            if (isRelevant.get(i)) {
                continue;
            }
            float s = clean(scores[i]);
            int above = upperBound(scratch, p, s);
            int equalFrom = lowerBound(scratch, p, s);
            correct += (p - above) + 0.5 * (above - equalFrom);
        }
        return correct / ((double) p * negatives);
    }

    /** AUC over an explicit candidate list (the sampled protocol): relevant vs. the other candidates. */
    public static double aucAmong(float[] scores, int[] candidates, int count, BitSet isRelevant, float[] scratch) {
        int p = 0;
        for (int c = 0; c < count; c++) {
            if (isRelevant.get(candidates[c])) {
                scratch[p++] = clean(scores[candidates[c]]);
            }
        }
        int negatives = count - p;
        if (p == 0 || negatives == 0) {
            return Double.NaN;
        }
        Arrays.sort(scratch, 0, p);
        double correct = 0;
        for (int c = 0; c < count; c++) {
            int i = candidates[c];
            if (isRelevant.get(i)) {
                continue;
            }
            float s = clean(scores[i]);
            int above = upperBound(scratch, p, s);
            int equalFrom = lowerBound(scratch, p, s);
            correct += (p - above) + 0.5 * (above - equalFrom);
        }
        return correct / ((double) p * negatives);
    }

    /**
     * Orders {@code candidates[0, count)} best first in place (score descending, ties by smaller item index, the
     * order {@link dev.tailor.core.model.TopK} uses) and returns how many of them lead: min(count, limit).
     * Insertion sort, as candidate lists are ~100 long.
     */
    public static int rankAmong(float[] scores, int[] candidates, int count, int limit) {
        for (int a = 1; a < count; a++) {
            int v = candidates[a];
            float sv = clean(scores[v]);
            int b = a - 1;
            while (b >= 0 && better(sv, v, clean(scores[candidates[b]]), candidates[b])) {
                candidates[b + 1] = candidates[b];
                b--;
            }
            candidates[b + 1] = v;
        }
        return Math.min(count, limit);
    }

    private static boolean better(float s1, int i1, float s2, int i2) {
        return s1 > s2 || (s1 == s2 && i1 < i2);
    }

    private static float clean(float s) {
        return s > Float.NEGATIVE_INFINITY ? s : Float.NEGATIVE_INFINITY;
    }

    /** First index in sorted a[0, n) with a[i] > key. */
    private static int upperBound(float[] a, int n, float key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index in sorted a[0, n) with a[i] >= key. */
    private static int lowerBound(float[] a, int n, float key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
