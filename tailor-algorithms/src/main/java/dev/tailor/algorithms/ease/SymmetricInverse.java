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
        Scratch[] scratch = new Scratch[pool.threads()];
        for (int w = 0; w < scratch.length; w++) {
            scratch[w] = new Scratch(block);
        }
        for (int k0 = 0; k0 < n; k0 += block) {
            sweepBlock(a, n, k0, Math.min(n, k0 + block), v, wt, dinv, scratch, pool);
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
            Scratch[] scratch, WorkerPool pool) {
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
        pool.forChunks(n, ROWS, (worker, chunk, from, to) -> update(a, n, k0, k1, v, wt, from, to,
                scratch[worker]));
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
     * in cache across the rows. Rows go in groups of four through {@link #rankUpdate4}, which loads each panel
     * value once for four rows; HotSpot vectorizes only when the four rows are distinct arrays, hence the copies
     * into the scratch rows (a small cost next to the block's {@code m} multiply-adds per element).
     */
    private static void update(double[] a, int n, int k0, int k1, double[] v, double[] wt, int from, int to,
            Scratch s) {
        int m = k1 - k0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (i < k0 || i >= k1) {
                s.rows[count] = i;
                for (int p = 0; p < m; p++) {
                    s.w[count * m + p] = wt[p * n + i];
                }
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        int maxColumn = s.rows[count - 1];
        for (int t0 = 0; t0 <= maxColumn; t0 += TILE) {
            int tileEnd = t0 + TILE;
            int g = 0;
            for (; g + 3 < count; g += 4) {
                // Columns every row of the group has: up to the first (smallest) row's diagonal.
                int common = Math.min(s.rows[g] + 1, tileEnd);
                if (t0 < common) {
                    int s1 = Math.min(common, k0);
                    if (t0 < s1) {
                        rows4(a, n, v, s, g, m, t0, s1);
                    }
                    int s2 = Math.max(t0, k1);
                    if (s2 < common) {
                        rows4(a, n, v, s, g, m, s2, common);
                    }
                }
                for (int r = g; r < g + 4; r++) {
                    row(a, n, k0, k1, v, s, r, m, Math.max(t0, common), Math.min(s.rows[r] + 1, tileEnd));
                }
            }
            for (int r = g; r < count; r++) {
                row(a, n, k0, k1, v, s, r, m, t0, Math.min(s.rows[r] + 1, tileEnd));
            }
        }
    }

    /** One row's update over the columns [j0, j1) minus the pivot columns. */
    private static void row(double[] a, int n, int k0, int k1, double[] v, Scratch s, int r, int m, int j0,
            int j1) {
        int ri = s.rows[r] * n;
        int s1 = Math.min(j1, k0);
        if (j0 < s1) {
            rankUpdate(a, ri, v, n, s.w, r * m, m, j0, s1);
        }
        int s2 = Math.max(j0, k1);
        if (s2 < j1) {
            rankUpdate(a, ri, v, n, s.w, r * m, m, s2, j1);
        }
    }

    /** Four rows (group g of the scratch rows) over the columns [j0, j1), through the scratch copies. */
    private static void rows4(double[] a, int n, double[] v, Scratch s, int g, int m, int j0, int j1) {
        int len = j1 - j0;
        int r0 = s.rows[g] * n + j0;
        int r1 = s.rows[g + 1] * n + j0;
        int r2 = s.rows[g + 2] * n + j0;
        int r3 = s.rows[g + 3] * n + j0;
        System.arraycopy(a, r0, s.b0, 0, len);
        System.arraycopy(a, r1, s.b1, 0, len);
        System.arraycopy(a, r2, s.b2, 0, len);
        System.arraycopy(a, r3, s.b3, 0, len);
        rankUpdate4(s.b0, s.b1, s.b2, s.b3, v, n, s.w, g * m, m, j0, len);
        System.arraycopy(s.b0, 0, a, r0, len);
        System.arraycopy(s.b1, 0, a, r1, len);
        System.arraycopy(s.b2, 0, a, r2, len);
        System.arraycopy(s.b3, 0, a, r3, len);
    }

    /**
     * {@code b_r[j] -= sum_p w[wo + r m + p] v[p][j0 + j]} for the four rows r and j in [0, len), four panel
     * rows at a time: per element, 4 panel loads and 4 row loads and stores serve 16 multiply-adds.
     */
    private static void rankUpdate4(double[] b0, double[] b1, double[] b2, double[] b3, double[] v, int n,
            double[] w, int wo, int m, int j0, int len) {
        int p = 0;
        for (; p + 3 < m; p += 4) {
            int w0 = wo + p;
            int w1 = w0 + m;
            int w2 = w1 + m;
            int w3 = w2 + m;
            double a00 = w[w0];
            double a01 = w[w0 + 1];
            double a02 = w[w0 + 2];
            double a03 = w[w0 + 3];
            double a10 = w[w1];
            double a11 = w[w1 + 1];
            double a12 = w[w1 + 2];
            double a13 = w[w1 + 3];
            double a20 = w[w2];
            double a21 = w[w2 + 1];
            double a22 = w[w2 + 2];
            double a23 = w[w2 + 3];
            double a30 = w[w3];
            double a31 = w[w3 + 1];
            double a32 = w[w3 + 2];
            double a33 = w[w3 + 3];
            int v0 = p * n + j0;
            int v1 = v0 + n;
            int v2 = v1 + n;
            int v3 = v2 + n;
            for (int j = 0; j < len; j++) {
                double x0 = v[v0 + j];
                double x1 = v[v1 + j];
                double x2 = v[v2 + j];
                double x3 = v[v3 + j];
                b0[j] -= a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
                b1[j] -= a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
                b2[j] -= a20 * x0 + a21 * x1 + a22 * x2 + a23 * x3;
                b3[j] -= a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
            }
        }
        for (; p < m; p++) {
            double a0 = w[wo + p];
            double a1 = w[wo + m + p];
            double a2 = w[wo + 2 * m + p];
            double a3 = w[wo + 3 * m + p];
            int vo = p * n + j0;
            for (int j = 0; j < len; j++) {
                double x = v[vo + j];
                b0[j] -= a0 * x;
                b1[j] -= a1 * x;
                b2[j] -= a2 * x;
                b3[j] -= a3 * x;
            }
        }
    }

    /** {@code a[ri + j] -= sum_p w[wo + p] v[p][j]} for j in [j0, j1). */
    private static void rankUpdate(double[] a, int ri, double[] v, int n, double[] w, int wo, int m, int j0,
            int j1) {
        int p = 0;
        for (; p + 3 < m; p += 4) {
            double w0 = w[wo + p];
            double w1 = w[wo + p + 1];
            double w2 = w[wo + p + 2];
            double w3 = w[wo + p + 3];
            int v0 = p * n;
            int v1 = v0 + n;
            int v2 = v1 + n;
            int v3 = v2 + n;
            for (int j = j0; j < j1; j++) {
                a[ri + j] -= w0 * v[v0 + j] + w1 * v[v1 + j] + w2 * v[v2 + j] + w3 * v[v3 + j];
            }
        }
        for (; p < m; p++) {
            double wp = w[wo + p];
            int vo = p * n;
            for (int j = j0; j < j1; j++) {
                a[ri + j] -= wp * v[vo + j];
            }
        }
    }

    /** One worker's buffers for {@link #update}, allocated once per inversion. */
    private static final class Scratch {
        final int[] rows = new int[ROWS];
        final double[] w;
        final double[] b0 = new double[TILE];
        final double[] b1 = new double[TILE];
        final double[] b2 = new double[TILE];
        final double[] b3 = new double[TILE];

        Scratch(int block) {
            w = new double[ROWS * block];
        }
    }
}
