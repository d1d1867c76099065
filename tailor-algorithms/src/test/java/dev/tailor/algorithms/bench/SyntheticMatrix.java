// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.bench;

import dev.tailor.core.data.CsrMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Large user x item matrices shaped like shop data: item popularity follows a Zipf-like law (a few items take
 * most interactions) and so does user activity (most users have one or two events, a few have hundreds).
 * Deterministic for a seed. Weights are 1 (view) with an occasional 5 (purchase).
 */
public final class SyntheticMatrix {
    private SyntheticMatrix() {
    }

    /**
     * @param users rows
     * @param items columns
     * @param targetNnz approximate number of distinct (user, item) pairs
     * @param exponent power-law exponent of both popularity and activity (about 1 for shop data)
     */
    public static CsrMatrix powerLaw(int users, int items, long targetNnz, double exponent, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] itemCdf = cdf(items, exponent);
        // Activity: weight of the r-th most active user ~ (r + 10)^-exponent, scaled to the target total.
        double[] activity = new double[users];
        double sum = 0;
        for (int u = 0; u < users; u++) {
            activity[u] = Math.pow(u + 10, -exponent);
            sum += activity[u];
        }
        int[] counts = new int[users];
        long total = 0;
        for (int u = 0; u < users; u++) {
            double expected = activity[u] / sum * targetNnz;
            int c = (int) expected;
            if (random.nextDouble() < expected - c) {
                c++;
            }
            counts[u] = Math.max(1, Math.min(items / 2, c));
            total += counts[u];
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many nonzeros: " + total);
        }
        int[] ptr = new int[users + 1];
        int[] cols = new int[(int) total];
        float[] vals = new float[(int) total];
        int nnz = 0;
        int[] row = new int[items / 2 + 1];
        // Shuffle which user id gets which activity rank, so heavy rows are spread over the index range.
        int[] order = new int[users];
        for (int u = 0; u < users; u++) {
            order[u] = u;
        }
        for (int u = users - 1; u > 0; u--) {
            int j = random.nextInt(u + 1);
            int t = order[u];
            order[u] = order[j];
            order[j] = t;
        }
        for (int u = 0; u < users; u++) {
            int c = counts[order[u]];
            int n = 0;
            while (n < c) {
                int item = sample(itemCdf, random.nextDouble());
                row[n++] = item;
                if (n == c) {
                    Arrays.sort(row, 0, n);
                    int distinct = 1;
                    for (int k = 1; k < n; k++) {
                        if (row[k] != row[distinct - 1]) {
                            row[distinct++] = row[k];
                        }
                    }
                    n = distinct;
                    if (c > n && random.nextInt(4) == 0) {
                        break; // popular items repeat; accept a slightly shorter row sometimes
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                cols[nnz] = row[k];
                vals[nnz] = random.nextInt(10) == 0 ? 5f : 1f;
                nnz++;
            }
            ptr[u + 1] = nnz;
        }
        return new CsrMatrix(users, items, ptr, Arrays.copyOf(cols, nnz), Arrays.copyOf(vals, nnz));
    }

    private static double[] cdf(int n, double exponent) {
        double[] c = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.pow(i + 10, -exponent);
            c[i] = s;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= s;
        }
        return c;
    }

    private static int sample(double[] cdf, double x) {
        int i = Arrays.binarySearch(cdf, x);
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }
}
