// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Top principal directions of a symmetric positive semi-definite matrix (a covariance) by seeded subspace
 * iteration with Rayleigh-Ritz: a block of {@code k + OVERSAMPLE} vectors is multiplied by the matrix and
 * re-orthonormalized {@code ITERATIONS} times, then the small projected matrix is diagonalized (cyclic Jacobi)
 * and the best {@code k} Ritz vectors are kept. Oversampling is what makes a few rounds enough: text-encoder
 * spectra decay slowly, so the k-th and (k+1)-th eigenvalues are close and a block of exactly k would converge
 * slowly; the extra vectors absorb that gap. Everything is in double (the matrix is small: text dim squared).
 */
final class Pca {
    static final int ITERATIONS = 30;
    static final int OVERSAMPLE = 10;
    private static final int JACOBI_SWEEPS = 60;

    private Pca() {
    }

    /**
     * The {@code k} leading eigenvectors of the {@code p x p} symmetric matrix {@code c} (row-major), as the
     * columns of a {@code p x k} row-major array, ordered by eigenvalue, largest first; {@code k <= p}.
     * Deterministic for a seed.
     */
    static double[] topDirections(double[] c, int p, int k, long seed) {
        if (k < 1 || k > p || c.length != p * p) {
            throw new IllegalArgumentException("need 1 <= k <= p and a p x p matrix; k " + k + ", p " + p);
        }
        int b = Math.min(p, k + OVERSAMPLE);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] q = new double[p * b];
        for (int i = 0; i < q.length; i++) {
            q[i] = gaussian(rng);
        }
        orthonormalize(q, p, b, rng);
        double[] z = new double[p * b];
        for (int it = 0; it < ITERATIONS; it++) {
            multiply(c, q, p, b, z);
            System.arraycopy(z, 0, q, 0, z.length);
            orthonormalize(q, p, b, rng);
        }
        // Rayleigh-Ritz: T = Q^T C Q (b x b), T = W diag(l) W^T, Ritz vectors Q W.
        multiply(c, q, p, b, z);
        double[] t = new double[b * b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                double s = 0;
                for (int r = 0; r < p; r++) {
                    s += q[r * b + i] * z[r * b + j];
                }
                t[i * b + j] = s;
            }
        }
        for (int i = 0; i < b; i++) {
            for (int j = i + 1; j < b; j++) {
                double m = 0.5 * (t[i * b + j] + t[j * b + i]);
                t[i * b + j] = m;
                t[j * b + i] = m;
            }
        }
        double[] w = new double[b * b];
        double[] values = jacobi(t, b, w);
        int[] order = descending(values);
        double[] out = new double[p * k];
        for (int r = 0; r < p; r++) {
            for (int j = 0; j < k; j++) {
                int col = order[j];
                double s = 0;
                for (int i = 0; i < b; i++) {
                    s += q[r * b + i] * w[i * b + col];
                }
                out[r * k + j] = s;
            }
        }
        return out;
    }

    /** {@code out = c x q} for {@code p x p} c and {@code p x b} q, all row-major. */
    private static void multiply(double[] c, double[] q, int p, int b, double[] out) {
        Arrays.fill(out, 0.0);
        for (int r = 0; r < p; r++) {
            int ro = r * b;
            for (int s = 0; s < p; s++) {
                double v = c[r * p + s];
                if (v == 0.0) {
                    continue;
                }
                int so = s * b;
                for (int j = 0; j < b; j++) {
                    out[ro + j] += v * q[so + j];
                }
            }
        }
    }

    /**
     * Modified Gram-Schmidt on the columns of {@code p x b} q, twice (one pass loses orthogonality when columns
     * are nearly parallel, as they become under iteration). A column that vanishes (the matrix has rank below b)
     * is replaced by a fresh random one, so the block always stays a basis.
     */
    private static void orthonormalize(double[] q, int p, int b, SplittableRandom rng) {
        for (int j = 0; j < b; j++) {
            double before = norm(q, p, b, j);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    double dot = 0;
                    for (int r = 0; r < p; r++) {
                        dot += q[r * b + i] * q[r * b + j];
                    }
                    for (int r = 0; r < p; r++) {
                        q[r * b + j] -= dot * q[r * b + i];
                    }
                }
            }
            double n = norm(q, p, b, j);
            if (!(n > 1e-10 * Math.max(before, Double.MIN_NORMAL))) {
                for (int r = 0; r < p; r++) {
                    q[r * b + j] = gaussian(rng);
                }
                j--;
                continue;
            }
            for (int r = 0; r < p; r++) {
                q[r * b + j] /= n;
            }
        }
    }

    private static double norm(double[] q, int p, int b, int j) {
        double s = 0;
        for (int r = 0; r < p; r++) {
            s += q[r * b + j] * q[r * b + j];
        }
        return Math.sqrt(s);
    }

    /**
     * Cyclic Jacobi on the symmetric {@code n x n} a (destroyed): returns the eigenvalues; {@code v} receives the
     * eigenvectors as columns.
     */
    static double[] jacobi(double[] a, int n, double[] v) {
        Arrays.fill(v, 0.0);
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1.0;
        }
        for (int sweep = 0; sweep < JACOBI_SWEEPS; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                diag += a[i * n + i] * a[i * n + i];
                for (int j = i + 1; j < n; j++) {
                    off += a[i * n + j] * a[i * n + j];
                }
            }
            if (off <= 1e-30 * Math.max(diag, Double.MIN_NORMAL)) {
                break;
            }
            for (int pr = 0; pr < n; pr++) {
                for (int qc = pr + 1; qc < n; qc++) {
                    double apq = a[pr * n + qc];
                    if (apq == 0.0) {
                        continue;
                    }
                    double theta = (a[qc * n + qc] - a[pr * n + pr]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0.0) {
                        t = 1.0;
                    }
                    double cs = 1 / Math.sqrt(t * t + 1);
                    double sn = t * cs;
                    for (int r = 0; r < n; r++) {
                        double arp = a[r * n + pr];
                        double arq = a[r * n + qc];
                        a[r * n + pr] = cs * arp - sn * arq;
                        a[r * n + qc] = sn * arp + cs * arq;
                    }
                    for (int r = 0; r < n; r++) {
                        double apr = a[pr * n + r];
                        double aqr = a[qc * n + r];
                        a[pr * n + r] = cs * apr - sn * aqr;
                        a[qc * n + r] = sn * apr + cs * aqr;
                    }
                    for (int r = 0; r < n; r++) {
                        double vrp = v[r * n + pr];
                        double vrq = v[r * n + qc];
                        v[r * n + pr] = cs * vrp - sn * vrq;
                        v[r * n + qc] = sn * vrp + cs * vrq;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i * n + i];
        }
        return values;
    }

    /** Indices of {@code values}, largest value first (ties by index, so the order is deterministic). */
    private static int[] descending(double[] values) {
        int n = values.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 1; i < n; i++) {
            int x = idx[i];
            int j = i - 1;
            while (j >= 0 && values[idx[j]] < values[x]) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = x;
        }
        return idx;
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
