// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Paired comparison of two models on the same users: per-user metric values a[i] and b[i], differences
 * d[i] = a[i] - b[i]. Users for whom either value is NaN are left out of every test.
 *
 * @param n pairs used
 * @param meanA mean of a
 * @param meanB mean of b
 * @param meanDiff mean difference, a - b
 * @param tStatistic paired t = mean(d) / (sd(d) / sqrt(n))
 * @param tP two-sided p-value of the paired t-test (df = n - 1)
 * @param wilcoxonW W+ (sum of the ranks of positive differences, zeros dropped)
 * @param wilcoxonZ normal approximation z of W+, with tie correction and continuity correction
 * @param wilcoxonP two-sided p-value of the Wilcoxon signed-rank test (normal approximation)
 * @param bootLow 2.5th percentile of the bootstrapped mean difference
 * @param bootHigh 97.5th percentile of the bootstrapped mean difference
 * @param bootstrapSamples resamples drawn
 * @param seed the bootstrap's seed
 */
public record PairedComparison(int n, double meanA, double meanB, double meanDiff, double tStatistic, double tP,
        double wilcoxonW, double wilcoxonZ, double wilcoxonP, double bootLow, double bootHigh, int bootstrapSamples,
        long seed) {

    /** Whether both tests reject equality at level alpha and the bootstrap interval excludes 0. */
    public boolean significant(double alpha) {
        return tP < alpha && wilcoxonP < alpha && (bootLow > 0 || bootHigh < 0);
    }

    /**
     * Runs the paired t-test, the Wilcoxon signed-rank test and a percentile bootstrap of the mean difference.
     *
     * <p>Wilcoxon follows Wilcoxon's original treatment (scipy's {@code zero_method="wilcox"}, R's default): zero
     * differences are dropped, tied |d| get their average rank, the variance n(n+1)(2n+1)/24 is reduced by
     * sum(t^3 - t)/48 over tie groups, and z = (W+ - n(n+1)/4 -+ 0.5) / sd with R's continuity correction
     * ({@code correct=TRUE}). Exact p-values for tiny n are not computed: evaluation compares thousands of
     * users, where the normal approximation is what RecBole users and R report.
     *
     * @param bootstrapSamples resamples (e.g. 2000); 0 skips the bootstrap (bounds NaN)
     */
    public static PairedComparison of(double[] a, double[] b, int bootstrapSamples, long seed) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        }
        int m = a.length;
        double[] d = new double[m];
        double sumA = 0;
        double sumB = 0;
        int n = 0;
        for (int i = 0; i < m; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                d[n++] = a[i] - b[i];
                sumA += a[i];
                sumB += b[i];
            }
        }
        if (n == 0) {
            return new PairedComparison(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, bootstrapSamples, seed);
        }
        double meanD = 0;
        for (int i = 0; i < n; i++) {
            meanD += d[i];
        }
        meanD /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (d[i] - meanD) * (d[i] - meanD);
        }
        double t = Double.NaN;
        double tp = Double.NaN;
        if (n >= 2) {
            double se = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
            if (se > 0) {
                t = meanD / se;
                tp = Distributions.tTwoSided(t, n - 1);
            } else {
                // Every difference equal: no variance, so no evidence either way unless they are all non-zero.
                t = meanD == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, meanD);
                tp = meanD == 0 ? 1 : 0;
            }
        }
        double[] w = wilcoxon(d, n);
        double[] boot = bootstrap(d, n, bootstrapSamples, seed);
        return new PairedComparison(n, sumA / n, sumB / n, meanD, t, tp, w[0], w[1], w[2], boot[0], boot[1],
                bootstrapSamples, seed);
    }

    /** {W+, z, p} of the signed-rank test on d[0, n); NaNs when every difference is zero. */
    static double[] wilcoxon(double[] d, int n) {
        double[] abs = new double[n];
        int nz = 0;
        for (int i = 0; i < n; i++) {
            if (d[i] != 0) {
                abs[nz++] = Math.abs(d[i]);
            }
        }
        if (nz == 0) {
            return new double[] {0, 0, 1};
        }
        double[] sorted = Arrays.copyOf(abs, nz);
        Arrays.sort(sorted);
        double tieTerm = 0;
        double wPlus = 0;
        // Average rank of each distinct |d| value: ranks i+1..j of the tie group [i, j).
        for (int i = 0; i < nz;) {
            int j = i;
            while (j < nz && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            tieTerm += t * t * t - t;
            i = j;
        }
        for (int i = 0; i < n; i++) {
            if (d[i] > 0) {
                double v = d[i];
                int lo = lowerBound(sorted, nz, v);
                int hi = upperBound(sorted, nz, v);
                wPlus += (lo + 1 + hi) / 2.0;
            }
        }
        double mean = nz * (nz + 1) / 4.0;
        double var = nz * (nz + 1) * (2.0 * nz + 1) / 24.0 - tieTerm / 48.0;
        if (var <= 0) {
            return new double[] {wPlus, 0, 1};
        }
        double diff = wPlus - mean;
        double corrected = diff == 0 ? 0 : diff - Math.copySign(0.5, diff);
        double z = corrected / Math.sqrt(var);
        return new double[] {wPlus, z, Distributions.normalTwoSided(z)};
    }

    private static double[] bootstrap(double[] d, int n, int samples, long seed) {
        if (samples <= 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[] means = new double[samples];
        for (int s = 0; s < samples; s++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += d[r.nextInt(n)];
            }
            means[s] = sum / n;
        }
        Arrays.sort(means);
        return new double[] {percentile(means, 0.025), percentile(means, 0.975)};
    }

    /** Linear interpolation between order statistics (NumPy's default "linear" method). */
    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static int lowerBound(double[] a, int n, double key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, int n, double key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
