// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.als;

import dev.tailor.algorithms.factor.DenseSolve;
import dev.tailor.algorithms.factor.Vectors;
import dev.tailor.core.data.CsrMatrix;

/**
 * The per-row kernels of implicit ALS (Hu, Koren and Volinsky 2008). For row u of the weight matrix W with the
 * other side's factors Y fixed, the row's factors x minimize
 * <pre>
 *   sum over all columns i of c_ui (p_ui - x . y_i)^2 + reg |x|^2,   c_ui = 1 + alpha w_ui,  p_ui = [w_ui > 0]
 * </pre>
 * whose normal equations are {@code (Y^T Y + reg I + sum_{i in u} alpha w_ui y_i y_i^T) x = sum_{i in u}
 * (1 + alpha w_ui) y_i}. The dense part {@code Y^T Y + reg I} (the "Gram") is shared by every row and computed
 * once per sweep; each row adds only its own nonzeros, which is what makes implicit ALS affordable.
 *
 * <p>{@link #conjugateGradient} runs a few CG steps warm-started from the current x (Takacs, Pilaszy and Tikk
 * 2011, as in the {@code implicit} library): each step costs one k x k product plus two passes over the row's
 * nonzeros and never forms the row's matrix. {@link #cholesky} forms and solves it exactly, which costs
 * O(nnz k^2 + k^3) per row. All methods are stateless; scratch arrays are the caller's.
 */
final class RowSolver {
    /** Below this squared residual norm the row is solved to float precision. */
    static final float CONVERGED = 1e-20f;

    private RowSolver() {
    }

    /**
     * Improves {@code x[xo .. xo + k)} in place by at most {@code steps} CG steps.
     *
     * @param gram {@code Y^T Y + reg I}, k x k row-major
     * @param r residual scratch of length k
     * @param p search direction scratch of length k
     * @param ap scratch of length k
     */
    static void conjugateGradient(CsrMatrix w, int row, float[] y, float[] gram, int k, float alpha, int steps,
            float[] x, int xo, float[] r, float[] p, float[] ap) {
        conjugateGradient(w, row, y, gram, k, alpha, steps, x, xo, r, p, ap, null);
    }

    /**
     * The same, copying the row's columns of y into {@code gathered} on the first pass when they fit (n k
     * floats), so that the {@code steps} further passes stream from one contiguous buffer: the columns of a
     * popular item are scattered over a user table far larger than the caches, and re-reading them at random
     * each step made those passes memory-bound. The arithmetic, and so the result, is the same bit for bit.
     *
     * @param gathered scratch, or null to read y in place every pass
     */
    static void conjugateGradient(CsrMatrix w, int row, float[] y, float[] gram, int k, float alpha, int steps,
            float[] x, int xo, float[] r, float[] p, float[] ap, float[] gathered) {
        int start = w.rowStart(row);
        int end = w.rowEnd(row);
        boolean gather = gathers(w, row, k, gathered);
        // r = b - A x, using the Gram for the dense part and one pass over the nonzeros for the rest.
        Vectors.symv(gram, k, x, xo, r);
        for (int f = 0; f < k; f++) {
            r[f] = -r[f];
        }
        for (int n = start; n < end; n++) {
            int yo = w.col(n) * k;
            if (gather) {
                System.arraycopy(y, yo, gathered, (n - start) * k, k);
            }
            float c1 = alpha * w.value(n);
            float yx = Vectors.dot(y, yo, x, xo, k);
            Vectors.axpy(1f + c1 - c1 * yx, y, yo, r, 0, k);
        }
        float[] src = gather ? gathered : y;
        System.arraycopy(r, 0, p, 0, k);
        float rsOld = Vectors.dot(r, 0, r, 0, k);
        for (int s = 0; s < steps && rsOld > CONVERGED; s++) {
            Vectors.symv(gram, k, p, 0, ap);
            for (int n = start; n < end; n++) {
                int yo = gather ? (n - start) * k : w.col(n) * k;
                Vectors.axpy(alpha * w.value(n) * Vectors.dot(src, yo, p, 0, k), src, yo, ap, 0, k);
            }
            float pAp = Vectors.dot(p, 0, ap, 0, k);
            if (!(pAp > 0f)) {
                // Only a singular system (reg = 0 and too few constraints) gets here; x stays usable.
                return;
            }
            float a = rsOld / pAp;
            Vectors.axpy(a, p, 0, x, xo, k);
            Vectors.axpy(-a, ap, 0, r, 0, k);
            float rsNew = Vectors.dot(r, 0, r, 0, k);
            float beta = rsNew / rsOld;
            for (int f = 0; f < k; f++) {
                p[f] = r[f] + beta * p[f];
            }
            rsOld = rsNew;
        }
    }

    /** Whether {@link #conjugateGradient} copies the row's columns into {@code gathered}: when they fit. */
    static boolean gathers(CsrMatrix w, int row, int k, float[] gathered) {
        return gathered != null && (long) (w.rowEnd(row) - w.rowStart(row)) * k <= gathered.length;
    }

    /**
     * Solves the row's normal equations exactly and writes the solution to {@code x[xo .. xo + k)}; leaves x
     * unchanged when the system is singular (possible only with reg = 0).
     *
     * @param gram {@code Y^T Y + reg I} in double, k x k row-major
     * @param a scratch of length k * k
     * @param b scratch of length k
     */
    static void cholesky(CsrMatrix w, int row, float[] y, double[] gram, int k, float alpha, float[] x, int xo,
            double[] a, double[] b) {
        System.arraycopy(gram, 0, a, 0, k * k);
        java.util.Arrays.fill(b, 0, k, 0);
        for (int n = w.rowStart(row); n < w.rowEnd(row); n++) {
            addObservation(a, b, y, w.col(n) * k, k, alpha * (double) w.value(n));
        }
        if (DenseSolve.choleskySolve(a, b, k)) {
            for (int f = 0; f < k; f++) {
                x[xo + f] = (float) b[f];
            }
        }
    }

    /**
     * Adds one observed column with confidence {@code 1 + c1} to the normal equations: {@code c1 y y^T} to the
     * lower triangle of {@code a} and {@code (1 + c1) y} to {@code b}.
     */
    static void addObservation(double[] a, double[] b, float[] y, int yo, int k, double c1) {
        for (int f = 0; f < k; f++) {
            double yf = y[yo + f];
            b[f] += (1 + c1) * yf;
            double s = c1 * yf;
            int rf = f * k;
            for (int g = 0; g <= f; g++) {
                a[rf + g] += s * y[yo + g];
            }
        }
    }

    /**
     * The row's correction to the objective for its observed columns: the dense part of the objective counts
     * every column as unobserved (confidence 1, preference 0, term {@code s^2} with {@code s = x . y_i}), and
     * each nonzero swaps that term for its observed one, {@code c (1 - s)^2}. O(nnz k).
     */
    static double observedCorrection(CsrMatrix w, int row, float[] y, int k, float alpha, float[] x, int xo) {
        return observedCorrection(w, row, y, null, k, alpha, x, xo);
    }

    /**
     * The same, reading the row's columns from {@code gathered} when it is not null: the buffer a
     * {@link #conjugateGradient} call with it has just filled for this row.
     */
    static double observedCorrection(CsrMatrix w, int row, float[] y, float[] gathered, int k, float alpha,
            float[] x, int xo) {
        int start = w.rowStart(row);
        double l = 0;
        for (int n = start; n < w.rowEnd(row); n++) {
            double c = 1 + alpha * (double) w.value(n);
            double s = gathered == null ? Vectors.dot(x, xo, y, w.col(n) * k, k)
                    : Vectors.dot(x, xo, gathered, (n - start) * k, k);
            l += c * (1 - s) * (1 - s) - s * s;
        }
        return l;
    }
}
