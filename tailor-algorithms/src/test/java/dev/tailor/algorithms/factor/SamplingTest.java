// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.factor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.data.CsrMatrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplingTest {
    // Row 0 has items 1 and 3 of 5; row 1 has all five.
    private static final CsrMatrix M = new CsrMatrix(2, 5, new int[] {0, 2, 7}, new int[] {1, 3, 0, 1, 2, 3, 4},
            new float[] {1, 1, 1, 1, 1, 1, 1});

    @Test
    void negativesAreNeverPositivesAndCoverTheRest() {
        SplittableRandom random = new SplittableRandom(1);
        int[] counts = new int[5];
        for (int s = 0; s < 3000; s++) {
            counts[Sampling.negative(M, 0, random)]++;
        }
        assertThat(counts[1]).isZero();
        assertThat(counts[3]).isZero();
        // Uniform over {0, 2, 4}: about 1000 each.
        assertThat(counts[0]).isBetween(850, 1150);
        assertThat(counts[2]).isBetween(850, 1150);
        assertThat(counts[4]).isBetween(850, 1150);
        assertThat(Sampling.negative(M, 1, random)).isEqualTo(-1);
    }

    @Test
    void rowOfEntriesAndContains() {
        assertThat(Sampling.rowOfEntries(M)).containsExactly(0, 0, 1, 1, 1, 1, 1);
        assertThat(Sampling.contains(M, 0, 2, 3)).isTrue();
        assertThat(Sampling.contains(M, 0, 2, 2)).isFalse();
    }

    @Test
    void mixedSeedsAreStableAndDistinct() {
        assertThat(Sampling.mix(42, 7)).isEqualTo(Sampling.mix(42, 7));
        assertThat(Sampling.mix(42, 7)).isNotEqualTo(Sampling.mix(42, 8)).isNotEqualTo(Sampling.mix(43, 7));
    }
}
