// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.stats;

/**
 * A mean with its 95% confidence interval from Student's t: mean +- t_{0.975, n-1} * sd / sqrt(n). NaN values
 * (users for whom a metric is undefined) are left out, and {@link #n} says how many users remain.
 *
 * @param mean sample mean (NaN when n = 0)
 * @param halfWidth half the interval width (NaN when n &lt; 2)
 * @param sd sample standard deviation (n - 1 in the denominator)
 * @param n values used
 */
public record MeanCi(double mean, double halfWidth, double sd, int n) {
    public double low() {
        return mean - halfWidth;
    }

    public double high() {
        return mean + halfWidth;
    }

    /** Mean and CI of the non-NaN values among {@code values[0, count)}. */
    public static MeanCi of(double[] values, int count) {
        int n = 0;
        double sum = 0;
        for (int i = 0; i < count; i++) {
            if (!Double.isNaN(values[i])) {
                sum += values[i];
                n++;
            }
        }
        if (n == 0) {
            return new MeanCi(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n < 2) {
            return new MeanCi(mean, Double.NaN, Double.NaN, n);
        }
        double ss = 0;
        for (int i = 0; i < count; i++) {
            if (!Double.isNaN(values[i])) {
                double d = values[i] - mean;
                ss += d * d;
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = Distributions.tQuantile(0.975, n - 1) * sd / Math.sqrt(n);
        return new MeanCi(mean, half, sd, n);
    }

    public static MeanCi of(double[] values) {
        return of(values, values.length);
    }
}
