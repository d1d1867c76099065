// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GramTest {

    @Test
    void handComputed() {
        // Rows (1, 2) and (3, 4): F^T F = [[1 + 9, 2 + 12], [2 + 12, 4 + 16]].
        double[] out = new double[4];
        try (WorkerPool pool = WorkerPool.create(1)) {
            new Gram(2).compute(new float[] {1, 2, 3, 4}, 2, pool, out);
        }
        assertThat(out).containsExactly(10, 14, 14, 20);
        assertThat(Gram.trace(out, 2)).isEqualTo(30);
        assertThat(Gram.traceOfProduct(out, new double[] {1, 0, 0, 1}, 2)).isEqualTo(30);
    }

    /** Against a naive triple loop, for any row count (one part or many) and thread count. */
    @Property(tries = 60)
    void matchesTheNaiveSumAndIgnoresTheThreadCount(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3000) int rows,
            @ForAll @IntRange(min = 1, max = 9) int k) {
        Random random = new Random(seed);
        float[] f = new float[rows * k];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) random.nextGaussian();
        }
        double[] one = new double[k * k];
        double[] three = new double[k * k];
        try (WorkerPool p1 = WorkerPool.create(1); WorkerPool p3 = WorkerPool.create(3)) {
            new Gram(k).compute(f, rows, p1, one);
            new Gram(k).compute(f, rows, p3, three);
        }
        assertThat(three).containsExactly(one);
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    s += (double) f[r * k + a] * f[r * k + b];
                }
                assertThat(one[a * k + b]).isCloseTo(s, within(1e-9 * Math.max(1, Math.abs(s))));
            }
        }
    }
}
