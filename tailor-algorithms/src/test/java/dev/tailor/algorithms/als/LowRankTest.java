// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.factor.WorkerPool;
import dev.tailor.algorithms.oracle.Dense;
import dev.tailor.core.data.CsrMatrix;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LowRankTest {

    /** The case of RowSolverTest: one user, items y = (2, 1), item 0 observed with weight 1, alpha 1, reg 1. */
    @Test
    void handComputedOneDimensionalCase() {
        CsrMatrix w = new CsrMatrix(1, 2, new int[] {0, 1}, new int[] {0}, new float[] {1f});
        float[] y = {2f, 1f};
        // G = 4 + 1 + 1 = 6, z_0 = 2 / 6; M = y_0 z_0 = 2 / 3, c = 1: (1 + 2/3) v = 1 + 1, v = 1.2; x = v z_0 = 0.4,
        // the solution of the full normal equations (A = 10, b = 4).
        float[] x = solve(w, y, new double[] {6}, 1, 1f);
        assertThat(x[0]).isCloseTo(0.4f, within(1e-6f));
    }

    /** Weight 0 with alpha 1: c = 0, so the column adds y to b and nothing to the matrix; x = (2 + 2) / (6 + 4). */
    @Test
    void zeroWeightColumnsJoinTheRightHandSideOnly() {
        CsrMatrix w = new CsrMatrix(1, 2, new int[] {0, 2}, new int[] {0, 1}, new float[] {1f, 0f});
        float[] y = {2f, 2f};
        // G = 4 + 4 + 1 = 9; A = G + 1 * 4 = 13; b = 2 * 2 + 1 * 2 = 6.
        float[] x = solve(w, y, new double[] {9}, 1, 1f);
        assertThat(x[0]).isCloseTo(6f / 13f, within(1e-6f));
    }

    @Test
    void anEmptyRowGetsZeroFactors() {
        CsrMatrix w = new CsrMatrix(1, 1, new int[] {0, 0}, new int[0], new float[0]);
        float[] x = solve(w, new float[] {1f, 2f}, new double[] {6, 2, 2, 5}, 2, 3f);
        assertThat(x).containsExactly(0f, 0f);
    }

    @Property(tries = 300)
    void matchesTheDenseSolveOfTheFullNormalEquations(@ForAll long seed, @ForAll @IntRange(min = 1, max = 10) int k,
            @ForAll @IntRange(min = 1, max = 12) int n, @ForAll @DoubleRange(min = -3, max = 4) double log10Alpha,
            @ForAll boolean duplicates, @ForAll boolean zeroWeights) {
        Random random = new Random(seed);
        int cols = n + 5;
        float[] y = gaussian(random, cols * k, 0.5);
        int[] idx = new int[n];
        float[] val = new float[n];
        for (int e = 0; e < n; e++) {
            idx[e] = e;
            val[e] = zeroWeights && random.nextInt(3) == 0 ? 0f : 1 + random.nextInt(5);
            if (duplicates && e > 0 && random.nextBoolean()) {
                // Equal factors make M singular: only C^-1 keeps the n x n system positive definite.
                System.arraycopy(y, random.nextInt(e) * k, y, e * k, k);
            }
        }
        CsrMatrix w = new CsrMatrix(1, cols, new int[] {0, n}, idx, val);
        float alpha = (float) Math.pow(10, log10Alpha);
        double reg = 0.05 + random.nextDouble();
        double[] gram = gram(y, cols, k, reg);

        float[] x = solve(w, y, gram, k, alpha);

        double[] expected = oracle(w, y, gram, k, alpha);
        // Exact up to the float z table: float rounding times the conditioning of the row's system, which grows
        // with alpha (up to 1e4 here). Over 20,000 random tries the largest relative error seen was 4.6e-4 (alpha
        // 1e4, n > k), so 2e-3 leaves a margin without hiding a wrong solve (those are off by O(1)).
        assertThat(Dense.maxAbsDiff(expected, x, 0)).isLessThanOrEqualTo(2e-3 * Math.max(1, Dense.maxAbs(expected)));
    }

    @Test
    void aRowOfExactlyTheLimitMatchesTheOracle() {
        Random random = new Random(11);
        int k = 16;
        int limit = LowRank.rowLimit(k, 3, false, AlsConfig.MAX_LOW_RANK);
        int cols = limit + 3;
        float[] y = gaussian(random, cols * k, 0.3);
        int[] idx = new int[limit];
        float[] val = new float[limit];
        for (int e = 0; e < limit; e++) {
            idx[e] = e;
            val[e] = 1 + random.nextInt(3);
        }
        CsrMatrix w = new CsrMatrix(1, cols, new int[] {0, limit}, idx, val);
        double[] gram = gram(y, cols, k, 0.1);
        float[] x = solve(w, y, gram, k, 10f);
        double[] expected = oracle(w, y, gram, k, 10f);
        assertThat(Dense.maxAbsDiff(expected, x, 0)).isLessThanOrEqualTo(1e-4 * Math.max(1, Dense.maxAbs(expected)));
    }

    @Test
    void refusesASingularGram() {
        // reg = 0 and fewer columns than dimensions: G = Y^T Y has rank 1.
        float[] y = {1f, 2f, 3f};
        double[] gram = gram(y, 1, 3, 0);
        try (WorkerPool pool = WorkerPool.create(1)) {
            assertThat(new LowRank(3, 1).prepare(pool, gram, y, 1)).isFalse();
            assertThat(new LowRank(3, 1).prepare(pool, gram(y, 1, 3, 0.1), y, 1)).isTrue();
        }
    }

    @Test
    void rowLimitFollowsTheCostModel() {
        assertThat(LowRank.rowLimit(64, 3, false, 0)).isZero();
        assertThat(LowRank.rowLimit(64, 3, false, 5)).isEqualTo(5);
        int atRank64 = LowRank.rowLimit(64, 3, false, AlsConfig.MAX_LOW_RANK);
        assertThat(LowRank.lowRankCost(atRank64, 64)).isLessThan(LowRank.baseCost(atRank64, 64, 3, false));
        assertThat(LowRank.lowRankCost(atRank64 + 1, 64))
                .isGreaterThanOrEqualTo(LowRank.baseCost(atRank64 + 1, 64, 3, false));
        // Fewer dimensions, cheaper CG: shorter rows qualify. Cholesky costs k^3 / 6 a row: longer rows qualify.
        assertThat(LowRank.rowLimit(16, 3, false, AlsConfig.MAX_LOW_RANK)).isLessThan(atRank64);
        assertThat(LowRank.rowLimit(64, 3, true, AlsConfig.MAX_LOW_RANK)).isGreaterThan(atRank64);
    }

    @Test
    void paysForManyShortRowsOverFewColumnsOnly() {
        // 1,000 rows of 2 nonzeros over 10 columns (the user sweep of a shop in miniature) ...
        CsrMatrix users = shortRows(1000, 10, 2);
        assertThat(LowRank.pays(users, 20, 32, 3, false)).isTrue();
        assertThat(LowRank.pays(users, 0, 32, 3, false)).isFalse();
        // ... and its transpose: 10 long rows over 1,000 columns, where the z table would cost more than it saves.
        assertThat(LowRank.pays(users.transpose(), 20, 32, 3, false)).isFalse();
    }

    private static CsrMatrix shortRows(int rows, int cols, int perRow) {
        int[] ptr = new int[rows + 1];
        int[] idx = new int[rows * perRow];
        float[] val = new float[rows * perRow];
        for (int r = 0; r < rows; r++) {
            ptr[r + 1] = ptr[r] + perRow;
            for (int e = 0; e < perRow; e++) {
                idx[r * perRow + e] = (r + e * 3) % cols;
                val[r * perRow + e] = 1f;
            }
            Arrays.sort(idx, r * perRow, (r + 1) * perRow);
        }
        return new CsrMatrix(rows, cols, ptr, idx, val);
    }

    /** Runs prepare and solve for row 0 of {@code w} against {@code y}, starting from a non-zero x. */
    private static float[] solve(CsrMatrix w, float[] y, double[] gram, int k, float alpha) {
        LowRank lowRank = new LowRank(k, 1);
        float[] x = new float[k];
        Arrays.fill(x, 7f);
        try (WorkerPool pool = WorkerPool.create(1)) {
            assertThat(lowRank.prepare(pool, gram, y, w.cols())).isTrue();
        }
        int n = w.rowEnd(0) - w.rowStart(0);
        assertThat(LowRank.solve(w, 0, y, lowRank.z(), k, alpha, x, 0, new LowRank.Scratch(n, k))).isTrue();
        return x;
    }

    private static float[] gaussian(Random random, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextGaussian() * scale);
        }
        return a;
    }

    /** {@code Y^T Y + reg I} over every column, in double. */
    static double[] gram(float[] y, int cols, int k, double reg) {
        double[] g = new double[k * k];
        for (int i = 0; i < cols; i++) {
            for (int f = 0; f < k; f++) {
                for (int h = 0; h < k; h++) {
                    g[f * k + h] += (double) y[i * k + f] * y[i * k + h];
                }
            }
        }
        for (int f = 0; f < k; f++) {
            g[f * k + f] += reg;
        }
        return g;
    }

    /** The row's normal equations formed densely in double, {@code (G + sum c y y^T) x = sum (1 + c) y}. */
    private static double[] oracle(CsrMatrix w, float[] y, double[] gram, int k, float alpha) {
        double[][] a = new double[k][k];
        double[] b = new double[k];
        for (int f = 0; f < k; f++) {
            for (int h = 0; h < k; h++) {
                a[f][h] = gram[f * k + h];
            }
        }
        for (int e = w.rowStart(0); e < w.rowEnd(0); e++) {
            int yo = w.col(e) * k;
            double c = (double) alpha * w.value(e);
            for (int f = 0; f < k; f++) {
                b[f] += (1 + c) * y[yo + f];
                for (int h = 0; h < k; h++) {
                    a[f][h] += c * y[yo + f] * y[yo + h];
                }
            }
        }
        return Dense.solve(a, b);
    }
}
