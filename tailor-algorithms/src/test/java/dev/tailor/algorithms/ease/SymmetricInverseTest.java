// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.algorithms.factor.WorkerPool;
import dev.tailor.algorithms.oracle.Dense;
import dev.tailor.core.error.TailorException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SymmetricInverseTest {

    @Test
    void invertsATwoByTwoMatrixByHand() {
        // [[2, 1], [1, 2]]^-1 = 1/3 [[2, -1], [-1, 2]]; the upper triangle is never read.
        double[] a = {2, 99, 1, 2};
        try (WorkerPool pool = WorkerPool.create(1)) {
            SymmetricInverse.invert(a, 2, 1, pool);
        }
        assertThat(a[0]).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(a[2]).isCloseTo(-1.0 / 3, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(a[3]).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(a[1]).isEqualTo(99);
    }

    /** Any block size, including ones that do not divide n, and any thread count agree with Gauss-Jordan. */
    @Property(tries = 150)
    void matchesGaussJordan(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
            @ForAll @IntRange(min = 1, max = 9) int block, @ForAll @IntRange(min = 1, max = 3) int threads) {
        double[][] m = randomSpd(n, new Random(seed));
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i * n + j] = m[i][j];
            }
        }
        try (WorkerPool pool = WorkerPool.create(threads)) {
            SymmetricInverse.invert(a, n, block, pool);
        }
        double[][] expected = Dense.inverse(m);
        double scale = 0;
        for (double[] row : expected) {
            scale = Math.max(scale, Dense.maxAbs(row));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                assertThat(Math.abs(a[i * n + j] - expected[i][j])).as("(%d, %d)", i, j)
                        .isLessThanOrEqualTo(1e-9 * scale);
            }
        }
    }

    @Test
    void matrixSpanningSeveralColumnTilesMatchesGaussJordan() {
        // Wider than the 512-column tile, with a partial last pivot block (530 = 8 * 64 + 18).
        int n = 530;
        double[][] m = diagonallyDominant(n, new Random(5));
        double[] a = lower(m);
        try (WorkerPool pool = WorkerPool.create(2)) {
            SymmetricInverse.invert(a, n, pool);
        }
        double[][] expected = Dense.inverse(m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                assertThat(Math.abs(a[i * n + j] - expected[i][j])).as("(%d, %d)", i, j).isLessThan(1e-9);
            }
        }
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        int n = 150;
        double[][] m = randomSpd(n, new Random(1));
        double[] one = lower(m);
        double[] two = lower(m);
        try (WorkerPool p1 = WorkerPool.create(1); WorkerPool p2 = WorkerPool.create(2)) {
            SymmetricInverse.invert(one, n, p1);
            SymmetricInverse.invert(two, n, p2);
        }
        assertThat(two).containsExactly(one);
    }

    @Test
    void refusesAnIndefiniteMatrix() {
        double[] a = {1, 0, 2, 1}; // [[1, 2], [2, 1]] has eigenvalues 3 and -1
        try (WorkerPool pool = WorkerPool.create(1)) {
            assertThatThrownBy(() -> SymmetricInverse.invert(a, 2, pool)).isInstanceOf(TailorException.class)
                    .hasMessageContaining("not positive definite");
        }
    }

    static double[] lower(double[][] m) {
        int n = m.length;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i * n + j] = m[i][j];
            }
        }
        return a;
    }

    /** A random symmetric matrix whose diagonal outweighs each row's other entries: positive definite. */
    static double[][] diagonallyDominant(int n, Random random) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                m[i][j] = random.nextDouble() * 2 - 1;
                m[j][i] = m[i][j];
            }
        }
        for (int i = 0; i < n; i++) {
            double s = 1;
            for (int j = 0; j < n; j++) {
                s += Math.abs(m[i][j]);
            }
            m[i][i] = s * (1 + random.nextDouble());
        }
        return m;
    }

    /** R^T R + I for a random n x n R: symmetric positive definite, moderately conditioned. */
    static double[][] randomSpd(int n, Random random) {
        double[][] r = new double[n][n];
        for (double[] row : r) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < n; k++) {
                    s += r[k][i] * r[k][j];
                }
                m[i][j] = s;
            }
        }
        return m;
    }
}
