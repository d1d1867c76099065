// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class WelchTestTest {

    @Test
    void matchesScipy() {
        // scipy.stats.ttest_ind([1,2,3,4,5], [2,4,6,8,10,12], equal_var=False) (scipy 1.17.1):
        // statistic -2.3763541031440183, pvalue 0.04928433820673053, df 6.972255729794934,
        // confidence_interval(0.95) = (-7.98346869562883, -0.016531304371169675).
        WelchTest w = WelchTest.of(MeanCi.of(new double[] {1, 2, 3, 4, 5}),
                MeanCi.of(new double[] {2, 4, 6, 8, 10, 12}));
        assertThat(w.diff()).isEqualTo(-4.0);
        assertThat(w.t()).isCloseTo(-2.3763541031440183, within(1e-12));
        assertThat(w.df()).isCloseTo(6.972255729794934, within(1e-9));
        assertThat(w.p()).isCloseTo(0.04928433820673053, within(1e-6));
        assertThat(w.low()).isCloseTo(-7.98346869562883, within(1e-5));
        assertThat(w.high()).isCloseTo(-0.016531304371169675, within(1e-5));
        assertThat(w.significant(0.05)).isTrue();
    }

    @Test
    void degenerateGroups() {
        WelchTest tiny = WelchTest.of(MeanCi.of(new double[] {1}), MeanCi.of(new double[] {1, 2}));
        assertThat(tiny.p()).isNaN();
        WelchTest constant = WelchTest.of(MeanCi.of(new double[] {1, 1}), MeanCi.of(new double[] {1, 1, 1}));
        assertThat(constant.p()).isEqualTo(1.0);
    }

    @Property(tries = 200)
    void agreesWithADirectComputation(@ForAll @Size(min = 2, max = 40) double[] a,
            @ForAll @Size(min = 2, max = 40) double[] b, @ForAll @DoubleRange(min = -3, max = 3) double shift) {
        for (int i = 0; i < a.length; i++) {
            a[i] = bounded(a[i]) + shift;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = bounded(b[i]);
        }
        WelchTest w = WelchTest.of(MeanCi.of(a), MeanCi.of(b));
        double ma = mean(a);
        double mb = mean(b);
        double va = var(a, ma) / a.length;
        double vb = var(b, mb) / b.length;
        if (va + vb == 0) {
            return;
        }
        double t = (ma - mb) / Math.sqrt(va + vb);
        double df = Math.pow(va + vb, 2) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        assertThat(w.t()).isCloseTo(t, within(1e-9 * Math.max(1, Math.abs(t))));
        assertThat(w.df()).isCloseTo(df, within(1e-9 * df));
        assertThat(w.p()).isCloseTo(Distributions.tTwoSided(t, df), within(1e-12));
        // Swapping the groups mirrors the interval and keeps the p-value.
        WelchTest s = WelchTest.of(MeanCi.of(b), MeanCi.of(a));
        assertThat(s.p()).isCloseTo(w.p(), within(1e-12));
        assertThat(s.low()).isCloseTo(-w.high(), within(1e-9));
        assertThat(w.low()).isLessThanOrEqualTo(w.diff());
        assertThat(w.high()).isGreaterThanOrEqualTo(w.diff());
    }

    private static double bounded(double x) {
        return Double.isFinite(x) ? Math.max(-10, Math.min(10, x)) : 0;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double var(double[] x, double m) {
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
