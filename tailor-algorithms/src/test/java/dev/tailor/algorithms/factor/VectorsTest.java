// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void handComputed() {
        float[] a = {1, 2, 3};
        float[] b = {0, 4, 5, 6};
        assertThat(Vectors.dot(a, 0, b, 1, 3)).isEqualTo(4 + 10 + 18);
        float[] y = {1, 1, 1};
        Vectors.axpy(2, a, 0, y, 0, 3);
        assertThat(y).containsExactly(3, 5, 7);
        float[] out = new float[2];
        Vectors.symv(new float[] {2, 1, 1, 3}, 2, new float[] {9, 1, 2}, 1, out);
        assertThat(out).containsExactly(2 + 2, 1 + 6);
        assertThat(Vectors.allFinite(new float[] {1, -0f, 3})).isTrue();
        assertThat(Vectors.allFinite(new float[] {1, Float.NaN})).isFalse();
        assertThat(Vectors.allFinite(new float[] {Float.NEGATIVE_INFINITY})).isFalse();
    }

    /** Unrolled kernels against plain double loops, for every length around the unrolling widths. */
    @Property(tries = 200)
    void kernelsMatchNaiveLoops(@ForAll long seed, @ForAll @IntRange(min = 0, max = 21) int n) {
        Random random = new Random(seed);
        float[] a = gaussian(random, n + 3);
        float[] b = gaussian(random, n + 5);
        double dot = 0;
        for (int f = 0; f < n; f++) {
            dot += (double) a[3 + f] * b[5 + f];
        }
        assertThat((double) Vectors.dot(a, 3, b, 5, n)).isCloseTo(dot, within(1e-4 * (1 + n)));

        float[] m = gaussian(random, n * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                m[j * n + i] = m[i * n + j];
            }
        }
        float[] out = new float[n];
        Vectors.symv(m, n, a, 3, out);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += (double) m[i * n + j] * a[3 + j];
            }
            assertThat((double) out[i]).isCloseTo(s, within(1e-4 * (1 + n)));
        }
        double squared = 0;
        for (int f = 0; f < n; f++) {
            squared += (double) b[5 + f] * b[5 + f];
        }
        assertThat(Vectors.squaredNorm(b, 5, n)).isCloseTo(squared, within(1e-9 * (1 + squared)));
    }

    private static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
