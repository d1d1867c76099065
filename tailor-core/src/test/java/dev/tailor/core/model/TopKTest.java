// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.Comparator;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TopKTest {
    @Test
    void picksLargestBestFirstAndSkipsExcluded() {
        float[] s = {0.1f, 0.9f, 0.5f, 0.9f, -1f, 0.7f};
        BitSet ex = new BitSet();
        ex.set(5);
        // 0.9 appears at 1 and 3: the smaller index wins the tie; 0.7 at index 5 is excluded.
        assertThat(TopK.select(s, 3, ex)).containsExactly(1, 3, 2);
    }

    @Test
    void neverSelectsNanOrMinusInfinity() {
        float[] s = {Float.NaN, Float.NEGATIVE_INFINITY, 2f};
        assertThat(TopK.select(s, 3, null)).containsExactly(2);
    }

    @Test
    void rejectsNonPositiveK() {
        assertThatThrownBy(() -> TopK.select(new float[1], 0, null)).hasMessageContaining("k must be > 0");
    }

    /** Oracle: a full sort by (score desc, index asc). */
    @Property(tries = 300)
    void matchesFullSort(@ForAll @Size(max = 200) float[] raw, @ForAll @IntRange(min = 1, max = 50) int k,
            @ForAll long maskSeed) {
        float[] scores = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            // Coarse values force many ties, the case heaps usually get wrong.
            scores[i] = Float.isFinite(raw[i]) ? Math.round(raw[i] % 7) : raw[i];
        }
        BitSet exclude = new BitSet();
        java.util.SplittableRandom r = new java.util.SplittableRandom(maskSeed);
        for (int i = 0; i < scores.length; i++) {
            if (r.nextInt(4) == 0) {
                exclude.set(i);
            }
        }
        int[] expected = IntStream.range(0, scores.length)
                .filter(i -> !exclude.get(i) && scores[i] > Float.NEGATIVE_INFINITY)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
        assertThat(TopK.select(scores, k, exclude)).containsExactly(expected);
    }
}
