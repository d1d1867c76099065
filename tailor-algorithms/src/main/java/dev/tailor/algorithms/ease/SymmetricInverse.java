// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.ease;

import dev.tailor.algorithms.factor.WorkerPool;
import dev.tailor.core.error.TailorException;

/**
 * In-place inverse of a dense symmetric positive definite matrix by the blocked sweep operator (Goodnight 1979):
 * sweeping every pivot of a symmetric A turns it into {@code -A^-1}. Sweeping a block K of pivots at once is
 * <pre>
 *   A_IJ <- A_IJ - A_IK D^-1 A_KJ,   A_IK <- A_IK D^-1,   A_KJ <- D^-1 A_KJ,   A_KK <- -D^-1     (D = A_KK)
 * </pre>
 * so nearly all the work is one rank-|K| update of the lower triangle per block, a matrix-multiply-shaped loop
 * that runs at cache speed when tiled; it costs n^3 / 2 multiply-adds in all, as much as Cholesky factorization
 * plus triangular inversion, with one kernel instead of three. No pivoting is needed: for a positive definite
 * matrix every pivot block met is a Schur complement, itself positive definite.
 *
 * <p>Storage: row-major n x n doubles of which only the lower triangle (column <= row) is read and written.
 */
final class SymmetricInverse {
    /** Pivot block size: the update then does 64 multiply-adds per load and store of A. */
    static final int BLOCK = 64;
    /** Column tile of the update: BLOCK x TILE doubles of the panel (256 KiB) stay in the L2 cache. */
    private static final int TILE = 512;
    /** Rows per work unit of the update. */
    private static final int ROWS = 16;

    private SymmetricInverse() {
    }

    /**
     * Replaces the lower triangle of {@code a} by the lower triangle of {@code A^-1}.
     *
     * @throws TailorException when A is not (numerically) positive definite
     */
    static void invert(double[] a, int n, WorkerPool pool) {
        invert(a, n, BLOCK, pool);
    }

    static void invert(double[] a, int n, int block, WorkerPool pool) {
        double[] v = new double[block * n];
        double[] wt = new double[block * n];
        double[] dinv = new double[block * block];
        for (int k0 = 0; k0 < n; k0 += block) {
            sweepBlock(a, n, k0, Math.min(n, k0 + block), v, wt, dinv, pool);
        }
        // Sweeping every pivot left -A^-1.
        pool.forChunks(n, 256, (worker, chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                int ri = i * n;
                for (int j = 0; j <= i; j++) {
                    a[ri + j] = -a[ri + j];
                }
            }
        });
    }

    /** Sweeps the pivots [k0, k1): the block formulas of the class comment. */
    private static void sweepBlock(double[] a, int n, int k0, int k1, double[] v, double[] wt, double[] dinv,
            WorkerPool pool) {
        int m = k1 - k0;
        gatherPanel(a, n, k0, k1, v, pool);
        invertPivotBlock(v, n, k0, m, dinv);
        // wt[p][j] = sum_q D^-1[p][q] A[k0+q][j] = (A_jK D^-1)[p]: the new A_jK, and the multipliers below.
        pool.forChunks(n, 1024, (worker, chunk, from, to) -> {
            for (int p = 0; p < m; p++) {
                int wo = p * n;
                java.util.Arrays.fill(wt, wo + from, wo + to, 0);
                for (int q = 0; q < m; q++) {
                    double d = dinv[p * m + q];
                    int vo = q * n;
                    for (int j = from; j < to; j++) {
                        wt[wo + j] += d * v[vo + j];
                    }
                }
            }
        });
        pool.forChunks(n, ROWS, (worker, chunk, from, to) -> update(a, n, k0, k1, v, wt, from, to));
        // The pivot rows and columns take their swept values.
        pool.forChunks(n, 1024, (worker, chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                if (i >= k1) {
                    for (int p = 0; p < m; p++) {
                        a[i * n + k0 + p] = wt[p * n + i];
                    }
                } else if (i >= k0) {
                    int p = i - k0;
                    for (int j = 0; j < k0; j++) {
                        a[i * n + j] = wt[p * n + j];
                    }
                    for (int q = 0; q <= p; q++) {
                        a[i * n + k0 + q] = -dinv[p * m + q];
                    }
                }
            }
        });
    }

    /** v[p][j] = A[k0+p][j] for every column j, read from the lower triangle. */
    private static void gatherPanel(double[] a, int n, int k0, int k1, double[] v, WorkerPool pool) {
        int m = k1 - k0;
        pool.forChunks(n, 1024, (worker, chunk, from, to) -> {
            for (int p = 0; p < m; p++) {
                int row = k0 + p;
                // Columns j <= row lie in the pivot row itself.
                int end = Math.min(to, row + 1);
                if (from < end) {
                    System.arraycopy(a, row * n + from, v, p * n + from, end - from);
                }
            }
            // Columns j > row lie in row j, at column row: read row j's short run of pivot columns.
            for (int j = Math.max(from, k0 + 1); j < to; j++) {
                int last = Math.min(m, j - k0);
                int rj = j * n + k0;
                for (int p = 0; p < last; p++) {
                    v[p * n + j] = a[rj + p];
                }
            }
        });
    }

    /** dinv = (A_KK)^-1 by the unblocked sweep on an m x m copy; fails when a pivot is not positive. */
    private static void invertPivotBlock(double[] v, int n, int k0, int m, double[] dinv) {
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < m; q++) {
                dinv[p * m + q] = v[p * n + k0 + q];
            }
        }
        for (int k = 0; k < m; k++) {
            double d = dinv[k * m + k];
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new TailorException("matrix is not positive definite (pivot " + (k0 + k) + " is " + d
                        + "); a larger regularization would make it so");
            }
            for (int i = 0; i < m; i++) {
                if (i == k) {
                    continue;
                }
                double f = dinv[i * m + k] / d;
                for (int j = 0; j < m; j++) {
                    if (j != k) {
                        dinv[i * m + j] -= f * dinv[k * m + j];
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                if (i != k) {
                    dinv[i * m + k] /= d;
                    dinv[k * m + i] /= d;
                }
            }
            dinv[k * m + k] = -1 / d;
        }
        for (int i = 0; i < m * m; i++) {
            dinv[i] = -dinv[i];
        }
    }

    /**
     * {@code A_ij -= sum_p wt[p][i] v[p][j]} for rows [from, to) and columns j <= i outside the pivot block K
     * (K's own rows and columns are overwritten afterwards). Columns are tiled so that the panel's tile stays
     * in cache across the rows, and four panel rows are applied per pass over a row of A.
     */
    private static void update(double[] a, int n, int k0, int k1, double[] v, double[] wt, int from, int to) {
        int m = k1 - k0;
        double[] w = new double[m];
        int last = to - 1;
        for (int t0 = 0; t0 <= last; t0 += TILE) {
            for (int i = from; i < to; i++) {
                if (i >= k0 && i < k1) {
                    continue;
                }
                int jEnd = Math.min(i + 1, t0 + TILE);
                if (t0 >= jEnd) {
                    continue;
                }
                for (int p = 0; p < m; p++) {
                    w[p] = wt[p * n + i];
                }
                // The tile [t0, jEnd) minus the pivot columns [k0, k1).
                int s1 = Math.min(jEnd, k0);
                if (t0 < s1) {
                    rankUpdate(a, i * n, v, n, w, m, t0, s1);
                }
                int s2 = Math.max(t0, k1);
                if (s2 < jEnd) {
                    rankUpdate(a, i * n, v, n, w, m, s2, jEnd);
                }
            }
        }
    }

    private static void rankUpdate(double[] a, int ri, double[] v, int n, double[] w, int m, int j0, int j1) {
        int p = 0;
        for (; p + 3 < m; p += 4) {
            double w0 = w[p];
            double w1 = w[p + 1];
            double w2 = w[p + 2];
            double w3 = w[p + 3];
            int v0 = p * n;
            int v1 = v0 + n;
            int v2 = v1 + n;
            int v3 = v2 + n;
            for (int j = j0; j < j1; j++) {
                a[ri + j] -= w0 * v[v0 + j] + w1 * v[v1 + j] + w2 * v[v2 + j] + w3 * v[v3 + j];
            }
        }
        for (; p < m; p++) {
            double wp = w[p];
            int vo = p * n;
            for (int j = j0; j < j1; j++) {
                a[ri + j] -= wp * v[vo + j];
            }
        }
    }
}
