// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.content;

import dev.tailor.algorithms.factor.Divergence;
import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.factor.EpochListener;
import java.util.Arrays;

/**
 * L2-regularized logistic regression by Newton's method with backtracking: with a handful of features the
 * (d+1) x (d+1) Hessian is tiny, so each iteration is one pass over the rows and converges quadratically, with
 * no learning rate to tune and a result that does not depend on row order beyond rounding.
 *
 * <p>Objective, with z = b + w.x: L(w, b) = (1/n) sum [log(1 + e^z) - y z] + (l2 / 2) |w|^2; the intercept b
 * is not penalized.
 */
public final class LogisticRegression {
    private LogisticRegression() {
    }

    /**
     * The fitted model.
     *
     * @param weights one per feature
     * @param intercept the unpenalized bias
     * @param loss objective at the solution
     * @param iterations Newton iterations run
     */
    public record Fit(double[] weights, double intercept, double loss, int iterations) {
    }

    /**
     * @param x n x d features, row-major
     * @param y n labels, 0 or 1
     * @param d features per row
     * @param listener told the objective after every iteration, as {@code algorithm} epochs
     */
    public static Fit fit(float[] x, byte[] y, int d, double l2, int maxIterations, String algorithm,
            EpochListener listener) {
        int n = y.length;
        if (x.length != (long) n * d) {
            throw new IllegalArgumentException("x has " + x.length + " values, expected " + n + " x " + d);
        }
        if (n == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        int p = d + 1;
        double[] theta = new double[p];
        double[] grad = new double[p];
        double[] hess = new double[p * p];
        double[] step = new double[p];
        double[] trial = new double[p];
        double loss = loss(x, y, d, l2, theta);
        int it = 0;
        while (it < maxIterations) {
            long t0 = System.nanoTime();
            it++;
            gradientAndHessian(x, y, d, l2, theta, grad, hess);
            if (maxAbs(grad) < 1e-9) {
                listener.onEpoch(new Epoch(algorithm, it, maxIterations, "log-loss", loss, System.nanoTime() - t0));
                break;
            }
            solve(hess, grad, step, p);
            double slope = 0;
            for (int j = 0; j < p; j++) {
                slope += grad[j] * step[j];
            }
            // Armijo backtracking keeps every step a descent even far from the optimum, where a full Newton
            // step of the logistic loss can overshoot.
            double t = 1;
            double next;
            while (true) {
                for (int j = 0; j < p; j++) {
                    trial[j] = theta[j] - t * step[j];
                }
                next = loss(x, y, d, l2, trial);
                if (next <= loss - 1e-4 * t * slope || t < 1e-10) {
                    break;
                }
                t *= 0.5;
            }
            Divergence.checkLoss(algorithm, it, "log-loss", next, "raise l2");
            double previous = loss;
            if (next <= loss) {
                System.arraycopy(trial, 0, theta, 0, p);
                loss = next;
            }
            listener.onEpoch(new Epoch(algorithm, it, maxIterations, "log-loss", loss, System.nanoTime() - t0));
            if (previous - next <= 1e-12 * Math.max(1, Math.abs(previous))) {
                break;
            }
        }
        double[] w = new double[d];
        System.arraycopy(theta, 0, w, 0, d);
        return new Fit(w, theta[d], loss, it);
    }

    /** The objective at (w, b) = (theta[0..d), theta[d]). */
    public static double loss(float[] x, byte[] y, int d, double l2, double[] theta) {
        int n = y.length;
        double sum = 0;
        for (int r = 0; r < n; r++) {
            double z = theta[d];
            int off = r * d;
            for (int j = 0; j < d; j++) {
                z += theta[j] * x[off + j];
            }
            sum += softplus(z) - (y[r] == 1 ? z : 0);
        }
        double reg = 0;
        for (int j = 0; j < d; j++) {
            reg += theta[j] * theta[j];
        }
        return sum / n + 0.5 * l2 * reg;
    }

    /** log(1 + e^z) without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    static void gradientAndHessian(float[] x, byte[] y, int d, double l2, double[] theta, double[] grad,
            double[] hess) {
        int n = y.length;
        int p = d + 1;
        Arrays.fill(grad, 0);
        Arrays.fill(hess, 0);
        double[] row = new double[p];
        row[d] = 1;
        for (int r = 0; r < n; r++) {
            int off = r * d;
            double z = theta[d];
            for (int j = 0; j < d; j++) {
                row[j] = x[off + j];
                z += theta[j] * row[j];
            }
            double s = sigmoid(z);
            double residual = s - y[r];
            double curvature = s * (1 - s);
            for (int j = 0; j < p; j++) {
                grad[j] += residual * row[j];
                double cj = curvature * row[j];
                for (int k = 0; k <= j; k++) {
                    hess[j * p + k] += cj * row[k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            grad[j] /= n;
            for (int k = 0; k <= j; k++) {
                hess[j * p + k] /= n;
                hess[k * p + j] = hess[j * p + k];
            }
        }
        for (int j = 0; j < d; j++) {
            grad[j] += l2 * theta[j];
            hess[j * p + j] += l2;
        }
    }

    /**
     * Solves a x = b for a symmetric positive semi-definite a by Gaussian elimination with partial pivoting; a
     * tiny ridge keeps a feature that is constant in the data (a field no item has) from making it singular.
     */
    private static void solve(double[] a, double[] b, double[] out, int p) {
        double[] m = new double[p * (p + 1)];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                m[i * (p + 1) + j] = a[i * p + j] + (i == j ? 1e-10 : 0);
            }
            m[i * (p + 1) + p] = b[i];
        }
        int w = p + 1;
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(m[r * w + c]) > Math.abs(m[pivot * w + c])) {
                    pivot = r;
                }
            }
            if (pivot != c) {
                for (int j = 0; j < w; j++) {
                    double t = m[c * w + j];
                    m[c * w + j] = m[pivot * w + j];
                    m[pivot * w + j] = t;
                }
            }
            double diag = m[c * w + c];
            for (int r = c + 1; r < p; r++) {
                double f = m[r * w + c] / diag;
                if (f != 0) {
                    for (int j = c; j < w; j++) {
                        m[r * w + j] -= f * m[c * w + j];
                    }
                }
            }
        }
        for (int r = p - 1; r >= 0; r--) {
            double s = m[r * w + p];
            for (int j = r + 1; j < p; j++) {
                s -= m[r * w + j] * out[j];
            }
            out[r] = s / m[r * w + r];
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }
}
