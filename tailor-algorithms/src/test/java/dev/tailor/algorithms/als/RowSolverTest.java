// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.oracle.Dense;
import dev.tailor.core.data.CsrMatrix;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RowSolverTest {

    /** One user, two items: y = (2, 1), item 0 observed with weight 1, alpha 1, reg 1. */
    @Test
    void handComputedOneDimensionalCase() {
        CsrMatrix w = new CsrMatrix(1, 2, new int[] {0, 1}, new int[] {0}, new float[] {1f});
        float[] y = {2f, 1f};
        // A = c0 y0^2 + c1 y1^2 + reg = 2*4 + 1*1 + 1 = 10; b = c0 * 1 * y0 = 4; x = 0.4.
        float[] gram = {2f * 2f + 1f * 1f + 1f};
        float[] x = {0f};
        RowSolver.conjugateGradient(w, 0, y, gram, 1, 1f, 1, x, 0, new float[1], new float[1], new float[1]);
        assertThat(x[0]).isCloseTo(0.4f, within(1e-6f));

        float[] exact = {0f};
        RowSolver.cholesky(w, 0, y, new double[] {gram[0]}, 1, 1f, exact, 0, new double[1], new double[1]);
        assertThat(exact[0]).isCloseTo(0.4f, within(1e-6f));

        // Objective without reg at x = 0.4: c0 (1 - 0.8)^2 + c1 (0 - 0.4)^2 = 2 * 0.04 + 0.16 = 0.24, of which the
        // dense part x^2 (y0^2 + y1^2) = 0.8 and the observed correction 2 * 0.04 - 0.8^2 = -0.56.
        assertThat(RowSolver.observedCorrection(w, 0, y, 1, 1f, x, 0)).isCloseTo(-0.56, within(1e-6));
    }

    @Property(tries = 200)
    void conjugateGradientConvergesToTheExactSolution(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int k,
            @ForAll @IntRange(min = 1, max = 30) int extraCols) {
        Problem pr = Problem.random(seed, k, k + extraCols);
        double[] expected = pr.oracleSolution();
        float[] x = new float[k];
        // Warm start from an arbitrary point: CG must not depend on it beyond rounding.
        Random random = new Random(seed ^ 7);
        for (int f = 0; f < k; f++) {
            x[f] = (float) random.nextGaussian();
        }
        RowSolver.conjugateGradient(pr.w, 0, pr.y, pr.gramFloat(), k, pr.alpha, 4 * k, x, 0, new float[k],
                new float[k], new float[k]);
        assertThat(Dense.maxAbsDiff(expected, x, 0)).isLessThanOrEqualTo(2e-3 * Math.max(1, Dense.maxAbs(expected)));
    }

    @Property(tries = 200)
    void choleskyMatchesTheDenseOracle(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int k,
            @ForAll @IntRange(min = 0, max = 30) int extraCols) {
        Problem pr = Problem.random(seed, k, k + extraCols);
        double[] expected = pr.oracleSolution();
        float[] x = new float[k];
        RowSolver.cholesky(pr.w, 0, pr.y, pr.gramDouble(), k, pr.alpha, x, 0, new double[k * k], new double[k]);
        assertThat(Dense.maxAbsDiff(expected, x, 0)).isLessThanOrEqualTo(1e-4 * Math.max(1, Dense.maxAbs(expected)));
    }

    @Property(tries = 200)
    void fewStepsNeverIncreaseTheObjective(@ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int k,
            @ForAll @IntRange(min = 1, max = 3) int steps) {
        Problem pr = Problem.random(seed, k, 3 * k);
        float[] x = new float[k];
        double before = pr.oracleObjective(x);
        RowSolver.conjugateGradient(pr.w, 0, pr.y, pr.gramFloat(), k, pr.alpha, steps, x, 0, new float[k],
                new float[k], new float[k]);
        assertThat(pr.oracleObjective(x)).isLessThanOrEqualTo(before + 1e-6 * Math.abs(before));
    }

    @Property(tries = 200)
    void denseTermPlusCorrectionIsTheObjectiveSummedOverEveryColumn(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 8) int k, @ForAll @IntRange(min = 0, max = 30) int extraCols) {
        Problem pr = Problem.random(seed, k, k + extraCols);
        Random random = new Random(seed + 1);
        float[] x = new float[k];
        for (int f = 0; f < k; f++) {
            x[f] = (float) random.nextGaussian();
        }
        double[] yty = pr.gramDouble();
        double dense = 0;
        for (int f = 0; f < k; f++) {
            for (int g = 0; g < k; g++) {
                dense += x[f] * (yty[f * k + g] - (f == g ? pr.reg : 0)) * x[g];
            }
        }
        double fast = dense + RowSolver.observedCorrection(pr.w, 0, pr.y, k, pr.alpha, x, 0);
        double slow = pr.oracleObjective(x) - pr.reg * squared(x);
        assertThat(fast).isCloseTo(slow, within(1e-4 * Math.max(1, Math.abs(slow))));
    }

    private static double squared(float[] x) {
        double s = 0;
        for (float v : x) {
            s += (double) v * v;
        }
        return s;
    }

    /** One row of a random weight matrix against random fixed factors, and its objective the long way. */
    private static final class Problem {
        final int k;
        final int cols;
        final CsrMatrix w;
        final float[] y;
        final float alpha;
        final double reg;

        private Problem(int k, int cols, CsrMatrix w, float[] y, float alpha, double reg) {
            this.k = k;
            this.cols = cols;
            this.w = w;
            this.y = y;
            this.alpha = alpha;
            this.reg = reg;
        }

        static Problem random(long seed, int k, int cols) {
            Random random = new Random(seed);
            float[] y = new float[cols * k];
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) (random.nextGaussian() * 0.5);
            }
            int nnz = 0;
            int[] idx = new int[cols];
            float[] val = new float[cols];
            for (int c = 0; c < cols; c++) {
                if (random.nextDouble() < 0.4) {
                    idx[nnz] = c;
                    val[nnz] = 1 + random.nextInt(5);
                    nnz++;
                }
            }
            CsrMatrix w = new CsrMatrix(1, cols, new int[] {0, nnz}, java.util.Arrays.copyOf(idx, nnz),
                    java.util.Arrays.copyOf(val, nnz));
            float alpha = (float) (0.1 + 10 * random.nextDouble());
            double reg = 0.1 + random.nextDouble();
            return new Problem(k, cols, w, y, alpha, reg);
        }

        double[] gramDouble() {
            return LowRankTest.gram(y, cols, k, reg);
        }

        float[] gramFloat() {
            double[] g = gramDouble();
            float[] out = new float[g.length];
            for (int i = 0; i < g.length; i++) {
                out[i] = (float) g[i];
            }
            return out;
        }

        /** Confidence and preference of every column, dense. */
        private double[][] confidencePreference() {
            double[] c = new double[cols];
            double[] p = new double[cols];
            java.util.Arrays.fill(c, 1);
            for (int n = w.rowStart(0); n < w.rowEnd(0); n++) {
                c[w.col(n)] = 1 + (double) alpha * w.value(n);
                p[w.col(n)] = 1;
            }
            return new double[][] {c, p};
        }

        /** argmin by the normal equations formed over every column, no Gram trick. */
        double[] oracleSolution() {
            double[][] cp = confidencePreference();
            double[][] a = new double[k][k];
            double[] b = new double[k];
            for (int i = 0; i < cols; i++) {
                for (int f = 0; f < k; f++) {
                    b[f] += cp[0][i] * cp[1][i] * y[i * k + f];
                    for (int h = 0; h < k; h++) {
                        a[f][h] += cp[0][i] * y[i * k + f] * y[i * k + h];
                    }
                }
            }
            for (int f = 0; f < k; f++) {
                a[f][f] += reg;
            }
            return Dense.solve(a, b);
        }

        /** sum_i c_i (p_i - x . y_i)^2 + reg |x|^2 over every column. */
        double oracleObjective(float[] x) {
            double[][] cp = confidencePreference();
            double total = 0;
            for (int i = 0; i < cols; i++) {
                double s = 0;
                for (int f = 0; f < k; f++) {
                    s += (double) x[f] * y[i * k + f];
                }
                total += cp[0][i] * (cp[1][i] - s) * (cp[1][i] - s);
            }
            return total + reg * squared(x);
        }
    }
}
