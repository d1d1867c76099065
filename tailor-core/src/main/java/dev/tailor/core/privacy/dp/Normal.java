// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy.dp;

/** The standard normal CDF, kept here so the core stays free of statistics libraries. */
final class Normal {
    private Normal() {
    }

    /** Φ(x), with relative error below 1.2e-7 everywhere, tails included (what the δ calculation needs). */
    static double cdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /**
     * Complementary error function by the Chebyshev fit of Numerical Recipes (erfcc, 2nd ed., section 6.2):
     * fractional error below 1.2e-7 for every x, unlike 1 - erf(x), which loses all digits in the upper tail.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2 - ans;
    }
}
