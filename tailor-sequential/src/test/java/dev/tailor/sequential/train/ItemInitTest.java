// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.core.error.ValidationException;
import dev.tailor.sequential.model.Kernels;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ItemInitTest {

    @Test
    void pointsOnALineProjectOntoItsDirectionWithTheRandomInitsStandardDeviation() {
        // Rows (1,1), (-1,-1), (2,2), (-2,-2): mean 0, one direction (1,1)/sqrt(2); coordinates sqrt(2) * (1,-1,2,-2)
        // up to sign; rescaled so their root mean square equals the random rows' (a * sqrt(2.5)).
        ItemInit init = new ItemInit(new float[] {1, 1, -1, -1, 2, 2, -2, -2}, 2);
        float[] theta = {0.3f, -0.4f, 0.5f, 0.1f, 7f};
        double randomStd = Math.sqrt((0.09 + 0.16 + 0.25 + 0.01) / 4);
        assertThat(init.apply(theta, 4, 1, 42)).isEqualTo(4);
        double a = randomStd / Math.sqrt(2.5);
        double sign = Math.signum(theta[0]);
        assertThat(theta[0]).isCloseTo((float) (sign * a), within(1e-6f));
        assertThat(theta[1]).isCloseTo((float) (-sign * a), within(1e-6f));
        assertThat(theta[2]).isCloseTo((float) (sign * 2 * a), within(1e-6f));
        assertThat(theta[3]).isCloseTo((float) (-sign * 2 * a), within(1e-6f));
        assertThat(theta[4]).as("parameters after the item table").isEqualTo(7f);
    }

    /** Oracle: eigenvalues/vectors of the full covariance by a plain Jacobi written here, in double. */
    @Property(tries = 25)
    void topDirectionsSpanTheBruteForcePrincipalSubspace(@ForAll @IntRange(min = 2, max = 14) int p,
            @ForAll @IntRange(min = 1, max = 14) int kWanted, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        int k = Math.min(kWanted, p);
        int m = 3 * p + 5;
        SplittableRandom r = new SplittableRandom(seed);
        // Distinct variances per axis (then a random rotation by mixing) so the principal subspace is well defined.
        double[] x = new double[m * p];
        double[][] mix = new double[p][p];
        for (double[] row : mix) {
            for (int j = 0; j < p; j++) {
                row[j] = r.nextDouble(-1, 1);
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < p; j++) {
                double v = 0;
                for (int t = 0; t < p; t++) {
                    v += gaussian(r) * Math.pow(0.7, t) * mix[t][j];
                }
                x[i * p + j] = v + 3;
            }
        }
        double[] cov = covariance(x, m, p);
        double[] dirs = Pca.topDirections(cov.clone(), p, k, seed);

        double[][] eig = oracleEigen(cov, p);
        double[] values = eig[0];
        double best = 0;
        for (int j = 0; j < k; j++) {
            best += values[j];
        }
        double captured = 0;
        for (int c = 0; c < k; c++) {
            double[] cv = new double[p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    cv[i] += cov[i * p + j] * dirs[j * k + c];
                }
            }
            for (int i = 0; i < p; i++) {
                captured += dirs[i * k + c] * cv[i];
            }
            for (int c2 = 0; c2 < k; c2++) {
                double dot = 0;
                for (int i = 0; i < p; i++) {
                    dot += dirs[i * k + c] * dirs[i * k + c2];
                }
                assertThat(dot).as("orthonormal directions").isCloseTo(c == c2 ? 1 : 0, within(1e-9));
            }
        }
        assertThat(captured).as("variance captured vs sum of top-k eigenvalues").isCloseTo(best,
                within(1e-9 * values[0] * p));
        if (k < p && values[k - 1] - values[k] > 1e-2 * values[0]) {
            // Same subspace: the projectors V V^T agree.
            double[] vecs = eig[1];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    double a = 0;
                    double b = 0;
                    for (int c = 0; c < k; c++) {
                        a += dirs[i * k + c] * dirs[j * k + c];
                        b += vecs[i * p + c] * vecs[j * p + c];
                    }
                    assertThat(a).isCloseTo(b, within(1e-5));
                }
            }
        }
    }

    @Test
    void itemsWithoutTextKeepTheirRandomRowsAndTheRestIsUntouched() {
        int items = 40;
        int p = 24;
        int d = 8;
        float[] v = textVectors(items, p, 3);
        Arrays.fill(v, 5 * p, 6 * p, 0f);
        Arrays.fill(v, 17 * p, 18 * p, 0f);
        float[] theta = new float[items * d + 50];
        Kernels.normal(theta, 0, theta.length, 0.1, new SplittableRandom(1));
        float[] before = theta.clone();
        ItemInit init = new ItemInit(v, p);

        assertThat(init.rows()).isEqualTo(items);
        assertThat(init.rowsWithText()).isEqualTo(items - 2);
        assertThat(init.apply(theta, items, d, 7)).isEqualTo(items - 2);

        for (int r : new int[] {5, 17}) {
            assertThat(Arrays.copyOfRange(theta, r * d, (r + 1) * d))
                    .containsExactly(Arrays.copyOfRange(before, r * d, (r + 1) * d));
        }
        assertThat(Arrays.copyOfRange(theta, items * d, theta.length))
                .containsExactly(Arrays.copyOfRange(before, items * d, before.length));
        double sq = 0;
        double sum = 0;
        for (int r = 0; r < items; r++) {
            if (r == 5 || r == 17) {
                continue;
            }
            for (int j = 0; j < d; j++) {
                sq += theta[r * d + j] * theta[r * d + j];
                sum += theta[r * d + j];
            }
        }
        int count = (items - 2) * d;
        assertThat(sum / count).as("centred").isCloseTo(0, within(1e-6));
        assertThat(Math.sqrt(sq / count)).as("random rows' scale").isCloseTo(rms(before, items * d), within(1e-5));
    }

    @Test
    void widerModelThanTextKeepsTheExtraCoordinatesRandom() {
        int items = 12;
        float[] v = textVectors(items, 3, 4);
        float[] theta = new float[items * 5];
        Kernels.normal(theta, 0, theta.length, 0.2, new SplittableRandom(2));
        float[] before = theta.clone();
        new ItemInit(v, 3).apply(theta, items, 5, 1);
        for (int r = 0; r < items; r++) {
            assertThat(theta[r * 5]).isNotEqualTo(before[r * 5]);
            assertThat(theta[r * 5 + 3]).isEqualTo(before[r * 5 + 3]);
            assertThat(theta[r * 5 + 4]).isEqualTo(before[r * 5 + 4]);
        }
    }

    @Test
    void sameSeedSameEmbeddingsAndTooLittleTextChangesNothing() {
        float[] v = textVectors(30, 16, 9);
        float[] a = new float[30 * 6];
        Kernels.normal(a, 0, a.length, 0.1, new SplittableRandom(3));
        float[] b = a.clone();
        new ItemInit(v, 16).apply(a, 30, 6, 11);
        new ItemInit(v, 16).apply(b, 30, 6, 11);
        assertThat(a).containsExactly(b);

        float[] one = new float[3 * 2];
        one[0] = 1f;
        float[] theta = {1, 2, 3, 4, 5, 6};
        assertThat(new ItemInit(one, 2).apply(theta, 3, 2, 1)).isZero();
        float[] same = {1, 2, 1, 2, 1, 2};
        assertThat(new ItemInit(same, 2).apply(theta, 3, 2, 1)).isZero();
        assertThat(theta).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void badInputNamesTheParameter() {
        assertThatThrownBy(() -> new ItemInit(new float[4], 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("item-init.dim").hasMessageContaining(">= 1");
        assertThatThrownBy(() -> new ItemInit(new float[5], 2)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("item-init.vectors").hasMessageContaining("whole rows of 2");
        assertThatThrownBy(() -> new ItemInit(new float[] {0, 1, Float.NaN, 0}, 2))
                .isInstanceOf(ValidationException.class).hasMessageContaining("item-init.vectors")
                .hasMessageContaining("row 1 component 0 is NaN");
        assertThatThrownBy(() -> new ItemInit(new float[] {Float.POSITIVE_INFINITY, 1}, 2))
                .isInstanceOf(ValidationException.class).hasMessageContaining("finite");
        ItemInit init = new ItemInit(new float[6], 2);
        assertThatThrownBy(() -> init.apply(new float[8], 4, 2, 1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("item-init").hasMessageContaining("4 rows").hasMessageContaining("got 3");
    }

    @Test
    void vectorsAreCopied() {
        float[] v = {1, 2, 3, 4};
        ItemInit init = new ItemInit(v, 2);
        v[0] = 9;
        init.vectors()[1] = 9;
        assertThat(init.vectors()).containsExactly(1, 2, 3, 4);
        assertThat(init).isEqualTo(new ItemInit(new float[] {1, 2, 3, 4}, 2));
    }

    private static float[] textVectors(int items, int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[items * p];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (gaussian(r) * (1 + i % p) / p + 0.5);
        }
        return v;
    }

    private static double rms(float[] a, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) a[i] * a[i];
        }
        return Math.sqrt(s / n);
    }

    private static double[] covariance(double[] x, int m, int p) {
        double[] mean = new double[p];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < p; j++) {
                mean[j] += x[i * p + j] / m;
            }
        }
        double[] c = new double[p * p];
        for (int i = 0; i < m; i++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    c[a * p + b] += (x[i * p + a] - mean[a]) * (x[i * p + b] - mean[b]) / m;
                }
            }
        }
        return c;
    }

    /**
     * Classical Jacobi (largest off-diagonal element first) on a copy: {eigenvalues descending, eigenvectors as
     * columns in the same order}.
     */
    private static double[][] oracleEigen(double[] matrix, int n) {
        double[] a = matrix.clone();
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        for (int iter = 0; iter < 100 * n * n; iter++) {
            int bp = 0;
            int bq = 1;
            double max = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (Math.abs(a[i * n + j]) > max) {
                        max = Math.abs(a[i * n + j]);
                        bp = i;
                        bq = j;
                    }
                }
            }
            if (max < 1e-15) {
                break;
            }
            double phi = 0.5 * Math.atan2(2 * a[bp * n + bq], a[bq * n + bq] - a[bp * n + bp]);
            double c = Math.cos(phi);
            double s = Math.sin(phi);
            for (int r = 0; r < n; r++) {
                double x = a[r * n + bp];
                double y = a[r * n + bq];
                a[r * n + bp] = c * x - s * y;
                a[r * n + bq] = s * x + c * y;
            }
            for (int r = 0; r < n; r++) {
                double x = a[bp * n + r];
                double y = a[bq * n + r];
                a[bp * n + r] = c * x - s * y;
                a[bq * n + r] = s * x + c * y;
            }
            for (int r = 0; r < n; r++) {
                double x = v[r * n + bp];
                double y = v[r * n + bq];
                v[r * n + bp] = c * x - s * y;
                v[r * n + bq] = s * x + c * y;
            }
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = a[i * n + i];
        }
        Arrays.sort(idx, (i, j) -> Double.compare(diag[j], diag[i]));
        double[] values = new double[n];
        double[] vecs = new double[n * n];
        for (int c = 0; c < n; c++) {
            values[c] = diag[idx[c]];
            for (int r = 0; r < n; r++) {
                vecs[r * n + c] = v[r * n + idx[c]];
            }
        }
        return new double[][] {values, vecs};
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
