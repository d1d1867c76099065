// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.factor;

/**
 * Small dense symmetric positive definite systems in double precision: the k x k normal equations of one
 * user's least-squares problem (k = rank, tens to a few hundred), where an O(k^3 / 6) Cholesky factorization
 * is cheaper than anything clever.
 */
public final class DenseSolve {
    private DenseSolve() {
    }

    /**
     * Solves {@code a x = b} in place by Cholesky factorization: reads the lower triangle of the row-major n x n
     * matrix {@code a} and overwrites it with the factor; overwrites {@code b} with {@code x}.
     *
     * @return false when {@code a} is not (numerically) positive definite; {@code b} is then unusable
     */
    public static boolean choleskySolve(double[] a, double[] b, int n) {
        if (!choleskyFactor(a, n)) {
            return false;
        }
        solveFactored(a, b, n);
        return true;
    }

    /**
     * Overwrites the lower triangle of the row-major n x n matrix {@code a} with its Cholesky factor L
     * ({@code a = L L^T}); the upper triangle is neither read nor written.
     *
     * @return false when {@code a} is not (numerically) positive definite; {@code a} is then unusable
     */
    public static boolean choleskyFactor(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double d = a[rj + j];
            for (int k = 0; k < j; k++) {
                d -= a[rj + k] * a[rj + k];
            }
            if (!(d > 0) || Double.isInfinite(d)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            a[rj + j] = ljj;
            double inv = 1.0 / ljj;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= a[ri + k] * a[rj + k];
                }
                a[ri + j] = s * inv;
            }
        }
        return true;
    }

    /** Overwrites {@code b} with the solution of {@code L L^T x = b} for a factor from {@link #choleskyFactor}. */
    public static void solveFactored(double[] l, double[] b, int n) {
        // Forward substitution L y = b, then back substitution L^T x = y.
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[ri + k] * b[k];
            }
            b[i] = s / l[ri + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
    }
}
