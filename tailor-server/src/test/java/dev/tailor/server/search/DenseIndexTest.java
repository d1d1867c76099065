// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DenseIndexTest {
    @Test
    void handComputedCase() {
        // Rows (catalog 10, 11, 12, 13): cosines with query (1, 0) are 1, 0.6, 0, -1.
        DenseIndex idx = new DenseIndex(2, new int[] {10, 11, 12, 13}, new float[] {1, 0, 0.6f, 0.8f, 0, 1, -1, 0});
        int[] items = new int[4];
        float[] scores = new float[4];
        int n = idx.search(new float[] {1, 0}, items, scores);
        assertThat(n).isEqualTo(2);
        assertThat(Arrays.copyOf(items, n)).containsExactly(10, 11);
        assertThat(scores[1]).isEqualTo(0.6f);
        assertThatThrownBy(() -> idx.search(new float[3], items, scores)).isInstanceOf(ValidationException.class);
    }

    @Test
    void skipsCatalogIndicesAndLooksUpVectors() {
        DenseIndex idx = new DenseIndex(2, new int[] {10, 11, 12}, new float[] {1, 0, 0.6f, 0.8f, 0.8f, 0.6f});
        int[] items = new int[3];
        float[] scores = new float[3];
        java.util.BitSet skip = new java.util.BitSet();
        skip.set(10);
        int n = idx.search(new float[] {1, 0}, items, scores, skip);
        assertThat(Arrays.copyOf(items, n)).containsExactly(12, 11);
        float[] v = new float[2];
        assertThat(idx.vector(11, v)).isTrue();
        assertThat(v).containsExactly(0.6f, 0.8f);
        assertThat(idx.vector(13, v)).isFalse();
        assertThat(idx.vector(-1, v)).isFalse();
        assertThat(idx.contains(12)).isTrue();
        assertThat(idx.catalogIndices()).containsExactly(10, 11, 12);
        assertThat(DenseIndex.empty(2).search(new float[] {1, 0}, items, scores)).isZero();
        assertThatThrownBy(() -> new DenseIndex(1, new int[] {3, 3}, new float[] {1, 1}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("appears twice");
    }

    /** Against a double-precision sort of every positive cosine. */
    @Property(tries = 50)
    void matchesTheBruteForceOracle(@ForAll @IntRange(min = 1, max = 60) int rows,
            @ForAll @IntRange(min = 1, max = 9) int dim, @ForAll @IntRange(min = 0, max = 70) int k,
            @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[rows * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        float[] q = new float[dim];
        for (int j = 0; j < dim; j++) {
            q[j] = (float) (r.nextDouble() * 2 - 1);
        }
        // Like a multilingual query: zero outside one block (a prefix or a suffix, or everything).
        int zeroFrom = r.nextInt(dim + 1);
        boolean prefix = r.nextBoolean();
        for (int j = 0; j < dim; j++) {
            if (prefix ? j < zeroFrom : j >= zeroFrom) {
                q[j] = 0f;
            }
        }
        int[] ids = IntStream.range(0, rows).map(i -> 1000 + i).toArray();
        DenseIndex idx = new DenseIndex(dim, ids, v);
        int[] items = new int[k];
        float[] scores = new float[k];
        int n = idx.search(q, items, scores);
        double[] exact = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < dim; j++) {
                exact[i] += (double) q[j] * v[i * dim + j];
            }
        }
        Integer[] order = IntStream.range(0, rows).boxed().filter(i -> exact[i] > 1e-6)
                .sorted(Comparator.comparingDouble((Integer i) -> -exact[i])).toArray(Integer[]::new);
        int expected = Math.min(k, order.length);
        assertThat(n).isBetween(expected - 1, expected + 1);
        for (int j = 0; j < Math.min(n, expected); j++) {
            // Same score at each rank (the order of near-equal scores may differ in float).
            assertThat((double) scores[j]).isCloseTo(exact[order[j]], org.assertj.core.data.Offset.offset(1e-4));
        }
    }
}
