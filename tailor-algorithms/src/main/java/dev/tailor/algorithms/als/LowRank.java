// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.als;

import dev.tailor.algorithms.factor.DenseSolve;
import dev.tailor.algorithms.factor.WorkerPool;
import dev.tailor.core.data.CsrMatrix;

/**
 * The exact solve of a short row's normal equations by the Woodbury identity. A row with n nonzeros has the
 * system {@code (G + Y_u^T C Y_u) x = b} with the shared {@code G = Y^T Y + reg I}, the row's n observed columns
 * {@code Y_u} (n x k), {@code C = diag(c_i)}, {@code c_i = alpha w_i}, and {@code b = sum_i (1 + c_i) y_i}. With
 * {@code z_i = G^-1 y_i} precomputed once per sweep for every column, the solution is
 * <pre>
 *   x = sum_j v_j z_j,   (C^-1 + M) v = C^-1 (1 + c),   M_ij = y_i . z_j   (n x n, symmetric positive definite)
 * </pre>
 * (from {@code x = g - Z_u (C^-1 + M)^-1 Y_u^T g} with {@code g = G^-1 b = Z_u (1 + c)}; the right-hand side
 * {@code 1 + 1 / c_i} avoids the cancellation of the textbook form, where g grows with alpha and x does not).
 * It costs about {@code (n (n + 1) / 2 + n) k + n^3 / 6} multiply-adds instead of the {@code (cg-steps + 1) k^2}
 * of conjugate gradient, whose k x k products dominate rows of a few events (most users of a shop); and it is
 * exact, where a few CG steps are not.
 *
 * <p>Columns of weight 0 ({@code c_i = 0}) add {@code y_i} to b but nothing to the matrix; their {@code z_i}
 * sum to {@code h}, which joins x directly and moves the right-hand side by {@code -Y_u h}. Instances hold
 * {@code G^-1} and the z table; {@link #prepare} refills them each sweep, so one run allocates them once.
 */
final class LowRank {
    /**
     * Below this ratio of a Cholesky pivot of G to G's diagonal entry, G is treated as singular (possible only
     * with reg = 0): its inverse would amplify the float rounding of the z table beyond use.
     */
    static final double MIN_RELATIVE_PIVOT = 1e-9;

    private final int rank;
    private final double[] factor;
    private final double[] inverse;
    private final double[] unit;
    private final double[][] columnScratch;
    private float[] z = new float[0];

    /** Buffers for rank-k factors and a pool of {@code workers} threads. */
    LowRank(int rank, int workers) {
        this.rank = rank;
        this.factor = new double[rank * rank];
        this.inverse = new double[rank * rank];
        this.unit = new double[rank];
        this.columnScratch = new double[workers][rank];
    }

    /** The z table of the last {@link #prepare}: {@code z[i * k ..]} = {@code G^-1 y_i}. */
    float[] z() {
        return z;
    }

    /**
     * The longest row worth solving this way at rank k: the largest n whose low-rank cost stays below the
     * per-row cost of the other solver (CG or Cholesky), capped at {@code limit}.
     */
    static int rowLimit(int k, int cgSteps, boolean exact, int limit) {
        int n = 0;
        while (n < limit && lowRankCost(n + 1, k) < baseCost(n + 1, k, cgSteps, exact)) {
            n++;
        }
        return n;
    }

    /**
     * Whether a sweep over {@code w} gains from the low-rank path: the multiply-adds its rows of at most
     * {@code rowLimit} nonzeros save must exceed what the sweep spends up front, {@code G^-1} (about k^3) and the
     * z table (one k x k product per column, k^2 times the number of columns of w). The item sweep of a
     * shop (100,000 items, at most 16 k^2 saved per item, against 500,000 user columns) fails this test; the
     * user sweep (500,000 customers with a handful of events each, 100,000 item columns) passes it.
     */
    static boolean pays(CsrMatrix w, int rowLimit, int k, int cgSteps, boolean exact) {
        if (rowLimit <= 0) {
            return false;
        }
        double saved = 0;
        for (int row = 0; row < w.rows(); row++) {
            int n = w.rowEnd(row) - w.rowStart(row);
            if (n <= rowLimit) {
                saved += baseCost(n, k, cgSteps, exact) - lowRankCost(n, k);
            }
        }
        double spent = (double) k * k * k + (double) w.cols() * k * k;
        return saved > spent;
    }

    /**
     * Per-row multiply-adds of CG: one k x k product and two passes over the nonzeros to start, and the same
     * per step; of Cholesky: forming the lower triangle and factoring it.
     */
    static double baseCost(int n, int k, int cgSteps, boolean exact) {
        if (exact) {
            return n * (double) k * k / 2 + (double) k * k * k / 6;
        }
        return (cgSteps + 1) * ((double) k * k + 2.0 * n * k);
    }

    /** Per-row multiply-adds of {@link #solve}: the lower triangle of M, the sum for x, the n x n Cholesky. */
    static double lowRankCost(int n, int k) {
        return (n * (n + 1) / 2.0 + n) * k + n * (double) n * n / 6;
    }

    /**
     * Inverts {@code gram} (G, k x k, double) and fills the z table for the {@code cols} rows of {@code y}, in
     * parallel. Returns false, leaving the table unusable, when G is numerically singular; the sweep then uses
     * the other solver for every row.
     */
    boolean prepare(WorkerPool pool, double[] gram, float[] y, int cols) {
        int k = rank;
        System.arraycopy(gram, 0, factor, 0, k * k);
        if (!DenseSolve.choleskyFactor(factor, k)) {
            return false;
        }
        for (int f = 0; f < k; f++) {
            double l = factor[f * k + f];
            if (!(l * l >= MIN_RELATIVE_PIVOT * gram[f * k + f])) {
                return false;
            }
        }
        for (int c = 0; c < k; c++) {
            java.util.Arrays.fill(unit, 0);
            unit[c] = 1;
            DenseSolve.solveFactored(factor, unit, k);
            for (int f = 0; f < k; f++) {
                inverse[f * k + c] = unit[f];
            }
        }
        if (z.length < cols * k) {
            z = new float[cols * k];
        }
        float[] table = z;
        pool.forChunks(cols, 1024, (worker, chunk, from, to) -> {
            double[] acc = columnScratch[worker];
            for (int i = from; i < to; i++) {
                multiply(inverse, k, y, i * k, acc);
                int zo = i * k;
                for (int f = 0; f < k; f++) {
                    table[zo + f] = (float) acc[f];
                }
            }
        });
        return true;
    }

    /**
     * {@code out = m v} for the symmetric k x k double matrix m and a float vector, in double: G^-1 can hold
     * entries up to 1 / reg, whose float products would lose the small z of a column along G's large
     * eigenvectors. Column-wise with four columns a pass, like {@code Vectors.symv}, so the inner loop vectorizes.
     */
    private static void multiply(double[] m, int k, float[] v, int vo, double[] out) {
        java.util.Arrays.fill(out, 0, k, 0);
        int f = 0;
        for (; f + 3 < k; f += 4) {
            double a0 = v[vo + f];
            double a1 = v[vo + f + 1];
            double a2 = v[vo + f + 2];
            double a3 = v[vo + f + 3];
            int r0 = f * k;
            int r1 = r0 + k;
            int r2 = r1 + k;
            int r3 = r2 + k;
            for (int j = 0; j < k; j++) {
                out[j] += a0 * m[r0 + j] + a1 * m[r1 + j] + a2 * m[r2 + j] + a3 * m[r3 + j];
            }
        }
        for (; f < k; f++) {
            double a = v[vo + f];
            int r = f * k;
            for (int j = 0; j < k; j++) {
                out[j] += a * m[r + j];
            }
        }
    }

    /** One worker's buffers for rows of at most {@code maxRow} nonzeros at rank k. */
    static final class Scratch {
        final double[] m;
        final double[] v;
        final double[] c;
        final int[] cols;
        final double[] h;
        final double[] x;

        Scratch(int maxRow, int k) {
            m = new double[maxRow * maxRow];
            v = new double[maxRow];
            c = new double[maxRow];
            cols = new int[maxRow];
            h = new double[k];
            x = new double[k];
        }
    }

    /**
     * Solves row {@code row} of {@code w} exactly and writes x to {@code x[xo .. xo + k)}. The row must have at
     * most as many nonzeros as the scratch was made for.
     *
     * @param y the fixed factors (cols x k)
     * @param z {@code G^-1 y_i} for every column, from {@link #prepare}
     * @return false, leaving x unchanged, when {@code C^-1 + M} is not numerically positive definite (a
     *     confidence so large that {@code 1 / c} drowns in M's rounding); the caller then uses its other solver
     */
    static boolean solve(CsrMatrix w, int row, float[] y, float[] z, int k, float alpha, float[] x, int xo,
            Scratch s) {
        int start = w.rowStart(row);
        int end = w.rowEnd(row);
        int n = 0;
        boolean zeros = false;
        java.util.Arrays.fill(s.h, 0);
        for (int e = start; e < end; e++) {
            double c = alpha * (double) w.value(e);
            int col = w.col(e);
            if (c > 0) {
                s.cols[n] = col;
                s.c[n] = c;
                n++;
            } else {
                zeros = true;
                int zo = col * k;
                for (int f = 0; f < k; f++) {
                    s.h[f] += z[zo + f];
                }
            }
        }
        double[] m = s.m;
        double[] v = s.v;
        for (int i = 0; i < n; i++) {
            int yo = s.cols[i] * k;
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                // In double: with more columns than dimensions (or equal columns) M is singular and only the small
                // 1 / c keeps the system definite, so float rounding of M would show in v (a 1e-3 error at
                // k = 1, n = 2, alpha 7,000 against 1e-6 in double).
                m[ri + j] = dot(y, yo, z, s.cols[j] * k, k);
            }
            double inv = 1 / s.c[i];
            m[ri + i] += inv;
            v[i] = 1 + inv;
            if (zeros) {
                double yh = 0;
                for (int f = 0; f < k; f++) {
                    yh += y[yo + f] * s.h[f];
                }
                v[i] -= yh;
            }
        }
        if (!DenseSolve.choleskySolve(m, v, n)) {
            return false;
        }
        double[] out = s.x;
        System.arraycopy(s.h, 0, out, 0, k);
        for (int j = 0; j < n; j++) {
            double vj = v[j];
            int zo = s.cols[j] * k;
            for (int f = 0; f < k; f++) {
                out[f] += vj * z[zo + f];
            }
        }
        for (int f = 0; f < k; f++) {
            x[xo + f] = (float) out[f];
        }
        return true;
    }

    /** {@code a . b} of two float vectors accumulated in double, four partial sums for instruction parallelism. */
    static double dot(float[] a, int ao, float[] b, int bo, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int f = 0;
        for (; f + 3 < n; f += 4) {
            s0 += (double) a[ao + f] * b[bo + f];
            s1 += (double) a[ao + f + 1] * b[bo + f + 1];
            s2 += (double) a[ao + f + 2] * b[bo + f + 2];
            s3 += (double) a[ao + f + 3] * b[bo + f + 3];
        }
        for (; f < n; f++) {
            s0 += (double) a[ao + f] * b[bo + f];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
