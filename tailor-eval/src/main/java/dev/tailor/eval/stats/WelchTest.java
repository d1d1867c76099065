// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.stats;

/**
 * Welch's unequal-variance t-test of the difference of two independent means, e.g. NDCG@10 of female versus
 * male users. Groups of users are disjoint and differ in size and spread, so neither the paired tests (same
 * users) nor Student's pooled test (equal variances) apply. Degrees of freedom by Welch–Satterthwaite.
 *
 * @param diff mean of a minus mean of b
 * @param low lower end of the 95% confidence interval of diff
 * @param high upper end
 * @param t t statistic diff / se
 * @param df Welch–Satterthwaite degrees of freedom
 * @param p two-sided p-value
 */
public record WelchTest(double diff, double low, double high, double t, double df, double p) {

    /** From the two groups' summaries (NaN everywhere when either group has fewer than 2 values). */
    public static WelchTest of(MeanCi a, MeanCi b) {
        if (a.n() < 2 || b.n() < 2) {
            return new WelchTest(a.mean() - b.mean(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double va = a.sd() * a.sd() / a.n();
        double vb = b.sd() * b.sd() / b.n();
        double diff = a.mean() - b.mean();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            // Both groups constant: the difference is exact, no sampling error.
            return new WelchTest(diff, diff, diff, diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff),
                    a.n() + b.n() - 2, diff == 0 ? 1 : 0);
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        double t = diff / se;
        double half = Distributions.tQuantile(0.975, df) * se;
        return new WelchTest(diff, diff - half, diff + half, t, df, Distributions.tTwoSided(t, df));
    }

    /** Whether the test rejects equal means at level alpha. */
    public boolean significant(double alpha) {
        return p < alpha;
    }
}
