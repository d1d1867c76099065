// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.fairness;

import dev.tailor.core.error.ValidationException;
import java.util.BitSet;

/**
 * Popularity-aware re-ranking after xQuAD (Abdollahpouri, Burke and Mobasher, "Managing Popularity Bias in
 * Recommender Systems with Personalized Re-ranking", FLAIRS 2019). Items are split into the short head (the
 * most popular items that together hold {@code headShare} of the training interactions) and the long tail.
 * From a candidate list the re-ranker greedily picks, K times, the item maximizing
 *
 * <pre>(1 - λ) ŝ(i) + λ Σ_{c ∈ {head, tail}} P(c|u) 1[i ∈ c] (1 - |S ∩ c| / |S|)</pre>
 *
 * where ŝ is the base score min-max normalized over the candidates, P(c|u) the share of the user's history in
 * c and S the items picked so far (the coverage factor is 1 while S is empty). This is the paper's "smooth"
 * variant: the binary one stops favouring the tail after a single tail pick, the smooth one keeps steering the
 * list toward the user's own head/tail mix. λ = 0 returns the base order.
 *
 * @param head the short-head items
 * @param lambda strength λ in [0, 1]
 */
public record PopularityReranker(BitSet head, double lambda) {
    public PopularityReranker {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw ValidationException.of("lambda", "expected a re-ranking strength 0 <= λ <= 1, got " + lambda);
        }
        head = (BitSet) head.clone();
    }

    @Override
    public BitSet head() {
        return (BitSet) head.clone();
    }

    public boolean isHead(int item) {
        return head.get(item);
    }

    /**
     * The short head: items by popularity descending (ties by index) until their cumulative popularity
     * reaches {@code share} of the total (the Pareto 20% of Abdollahpouri et al. for share = 0.2).
     *
     * @param popularity training users per item
     * @param eligible items that can be recommended
     */
    public static BitSet shortHead(int[] popularity, BitSet eligible, double share) {
        if (!(share > 0 && share <= 1)) {
            throw ValidationException.of("head-share", "expected 0 < share <= 1, got " + share);
        }
        int n = eligible.cardinality();
        long[] keyed = new long[n];
        long total = 0;
        int j = 0;
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            // Negated popularity in the high half sorts descending; the index in the low half breaks ties.
            keyed[j++] = ((long) (Integer.MAX_VALUE - popularity[i]) << 32) | i;
            total += popularity[i];
        }
        java.util.Arrays.sort(keyed);
        BitSet head = new BitSet(popularity.length);
        long sum = 0;
        for (int r = 0; r < n && sum < share * total; r++) {
            int item = (int) keyed[r];
            head.set(item);
            sum += popularity[item];
        }
        return head;
    }

    /** Share of {@code history} in the head; 1/2 for an empty history (no evidence either way). */
    public double headShare(int[] history) {
        if (history.length == 0) {
            return 0.5;
        }
        int h = 0;
        for (int item : history) {
            if (head.get(item)) {
                h++;
            }
        }
        return (double) h / history.length;
    }

    /**
     * Re-ranks {@code candidates[0, n)} (best first, with their base scores) into {@code out[0, k)}.
     *
     * @param userHeadShare P(head|u)
     * @param used scratch of at least n entries, returned all false
     * @return the number of items written, min(k, n)
     */
    public int rerank(int[] candidates, float[] scores, int n, double userHeadShare, int k, int[] out,
            boolean[] used) {
        int m = Math.min(k, n);
        if (lambda == 0) {
            System.arraycopy(candidates, 0, out, 0, m);
            return m;
        }
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            lo = Math.min(lo, scores[j]);
            hi = Math.max(hi, scores[j]);
        }
        double range = hi - lo;
        int headPicked = 0;
        for (int pos = 0; pos < m; pos++) {
            double headCover = pos == 0 ? 1 : 1 - (double) headPicked / pos;
            double tailCover = pos == 0 ? 1 : 1 - (double) (pos - headPicked) / pos;
            double headBonus = lambda * userHeadShare * headCover;
            double tailBonus = lambda * (1 - userHeadShare) * tailCover;
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (used[j]) {
                    continue;
                }
                double s = range > 0 ? (scores[j] - lo) / range : 1;
                double v = (1 - lambda) * s + (head.get(candidates[j]) ? headBonus : tailBonus);
                // Strictly greater: among equal values the earlier (better base) candidate wins.
                if (v > bestValue) {
                    bestValue = v;
                    best = j;
                }
            }
            used[best] = true;
            out[pos] = candidates[best];
            if (head.get(candidates[best])) {
                headPicked++;
            }
        }
        for (int j = 0; j < n; j++) {
            used[j] = false;
        }
        return m;
    }
}
