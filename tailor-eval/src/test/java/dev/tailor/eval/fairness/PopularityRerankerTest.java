// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PopularityRerankerTest {
    private static final BitSet HEAD_01 = BitSet.valueOf(new long[] {0b11});

    @Test
    void reranksByHand() {
        // Candidates 0,1 head and 2,3 tail with base scores 1, 0.9, 0.5, 0; P(head|u) = 0.5, λ = 0.5.
        // Pick 1: values 0.75, 0.70, 0.50, 0.25 -> item 0. Pick 2: the head is covered (factor 0), the tail not
        // (factor 1): 0.45, 0.50, 0.25 -> item 2. Pick 3: both half covered, bonus 0.125: 0.575, 0.125 -> item 1.
        PopularityReranker r = new PopularityReranker(HEAD_01, 0.5);
        int[] out = new int[3];
        int n = r.rerank(new int[] {0, 1, 2, 3}, new float[] {1f, 0.9f, 0.5f, 0f}, 4, 0.5, 3, out, new boolean[4]);
        assertThat(n).isEqualTo(3);
        assertThat(out).containsExactly(0, 2, 1);
        int[] base = new int[3];
        new PopularityReranker(HEAD_01, 0).rerank(new int[] {0, 1, 2, 3}, new float[] {1f, 0.9f, 0.5f, 0f}, 4, 0.5,
                3, base, new boolean[4]);
        assertThat(base).containsExactly(0, 1, 2);
    }

    @Test
    void shortHeadByHand() {
        int[] pop = {10, 5, 3, 1, 1};
        BitSet all = new BitSet();
        all.set(0, 5);
        // Total 20: half is reached by item 0 alone; 60% (12) needs items 0 and 1.
        assertThat(PopularityReranker.shortHead(pop, all, 0.5)).isEqualTo(BitSet.valueOf(new long[] {0b1}));
        assertThat(PopularityReranker.shortHead(pop, all, 0.6)).isEqualTo(BitSet.valueOf(new long[] {0b11}));
        BitSet some = new BitSet();
        some.set(1, 5);
        assertThat(PopularityReranker.shortHead(pop, some, 0.5)).isEqualTo(BitSet.valueOf(new long[] {0b10}));
        assertThat(new PopularityReranker(HEAD_01, 0.3).headShare(new int[] {0, 2, 3, 1})).isEqualTo(0.5);
        assertThat(new PopularityReranker(HEAD_01, 0.3).headShare(new int[0])).isEqualTo(0.5);
    }

    @Test
    void refusesStrengthOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new PopularityReranker(HEAD_01, 1.5)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("lambda");
        assertThatThrownBy(() -> new PopularityReranker(HEAD_01, Double.NaN)).hasMessageContaining("lambda");
        assertThatThrownBy(() -> PopularityReranker.shortHead(new int[1], new BitSet(), 0))
                .hasMessageContaining("head-share");
    }

    @Property(tries = 300)
    void agreesWithANaiveGreedy(@ForAll @IntRange(min = 1, max = 30) int n, @ForAll @IntRange(min = 1, max = 12) int k,
            @ForAll @DoubleRange(min = 0, max = 1) double lambda, @ForAll @DoubleRange(min = 0, max = 1) double share,
            @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] cand = new int[n];
        float[] scores = new float[n];
        BitSet head = new BitSet();
        for (int j = 0; j < n; j++) {
            cand[j] = 100 + j;
            scores[j] = r.nextInt(5) == 0 ? 0.5f : (float) r.nextDouble();
            if (r.nextBoolean()) {
                head.set(cand[j]);
            }
        }
        PopularityReranker rr = new PopularityReranker(head, lambda);
        int[] out = new int[k];
        boolean[] used = new boolean[n];
        int m = rr.rerank(cand, scores, n, share, k, out, used);
        assertThat(Arrays.copyOf(out, m)).containsExactly(naive(cand, scores, head, lambda, share, k));
        assertThat(used).containsOnly(false);
    }

    /** The formula in the class comment, evaluated with collections and no incremental bookkeeping. */
    private static int[] naive(int[] cand, float[] scores, BitSet head, double lambda, double share, int k) {
        if (lambda == 0) {
            return Arrays.copyOf(cand, Math.min(k, cand.length));
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (float s : scores) {
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        List<Integer> picked = new ArrayList<>();
        List<Integer> pickedIdx = new ArrayList<>();
        while (picked.size() < Math.min(k, cand.length)) {
            int best = -1;
            double bestV = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cand.length; j++) {
                if (pickedIdx.contains(j)) {
                    continue;
                }
                double norm = hi > lo ? (scores[j] - (float) lo) / (double) ((float) hi - (float) lo) : 1;
                boolean isHead = head.get(cand[j]);
                long inSame = picked.stream().filter(i -> head.get(i) == isHead).count();
                double cover = picked.isEmpty() ? 1 : 1 - (double) inSame / picked.size();
                double v = (1 - lambda) * norm + lambda * (isHead ? share : 1 - share) * cover;
                if (v > bestV) {
                    bestV = v;
                    best = j;
                }
            }
            pickedIdx.add(best);
            picked.add(cand[best]);
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }
}
