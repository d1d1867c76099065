// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.oracle;

/** Textbook dense linear algebra in double: slow, obviously correct, the reference for the fast kernels. */
public final class Dense {
    private Dense() {
    }

    /** Inverse of an n x n matrix by Gauss-Jordan elimination with partial pivoting. */
    public static double[][] inverse(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            double d = a[c][c];
            if (d == 0) {
                throw new ArithmeticException("singular matrix");
            }
            for (int j = 0; j < 2 * n; j++) {
                a[c][j] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c && a[r][c] != 0) {
                    double f = a[r][c];
                    for (int j = 0; j < 2 * n; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
    }

    /** Solves {@code m x = b} through {@link #inverse}. */
    public static double[] solve(double[][] m, double[] b) {
        double[][] inv = inverse(m);
        double[] x = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < b.length; j++) {
                x[i] += inv[i][j] * b[j];
            }
        }
        return x;
    }

    /** Largest absolute entry-wise difference. */
    public static double maxAbsDiff(double[] a, float[] b, int bo) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[bo + i]));
        }
        return d;
    }

    public static double maxAbs(double[] a) {
        double d = 0;
        for (double v : a) {
            d = Math.max(d, Math.abs(v));
        }
        return d;
    }
}
