// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Known values from standard tables (Abramowitz and Stegun 26.2 and 26.7; any t table) and exact identities. */
class DistributionsTest {
    @Test
    void normalCdfMatchesTables() {
        assertThat(Distributions.normalCdf(0)).isCloseTo(0.5, within(1e-15));
        assertThat(Distributions.normalCdf(1.96)).isCloseTo(0.9750021048517795, within(1e-13));
        assertThat(Distributions.normalCdf(1)).isCloseTo(0.8413447460685429, within(1e-13));
        assertThat(Distributions.normalCdf(-2.5758293035489)).isCloseTo(0.005, within(1e-12));
        // Far tail keeps relative precision: 1 - Phi(8) = 6.22096057427178e-16
        assertThat(Distributions.normalTwoSided(8) / 2).isCloseTo(6.22096057427178e-16, within(1e-27));
    }

    @Test
    void lnGammaOfIntegersIsLogFactorial() {
        assertThat(Distributions.lnGamma(1)).isCloseTo(0, within(1e-14));
        assertThat(Distributions.lnGamma(5)).isCloseTo(Math.log(24), within(1e-13));
        assertThat(Distributions.lnGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
    }

    @Test
    void incompleteBetaOfIntegersIsABinomialTail() {
        // I_x(a, b) = P(Binomial(a + b - 1, x) >= a): I_0.5(2, 3) = P(Bin(4, .5) >= 2) = 11/16.
        assertThat(Distributions.regularizedBeta(0.5, 2, 3)).isCloseTo(0.6875, within(1e-14));
        // I_0.3(1, 1) = 0.3 (uniform)
        assertThat(Distributions.regularizedBeta(0.3, 1, 1)).isCloseTo(0.3, within(1e-14));
    }

    @Test
    void tDistributionMatchesTables() {
        // Two-sided 5% critical values: t(1) = 12.706, t(10) = 2.228, t(30) = 2.042 (3-decimal tables).
        assertThat(Distributions.tQuantile(0.975, 1)).isCloseTo(12.7062047361747, within(1e-9));
        assertThat(Distributions.tQuantile(0.975, 10)).isCloseTo(2.228138851986, within(1e-9));
        assertThat(Distributions.tQuantile(0.975, 30)).isCloseTo(2.042272456301, within(1e-9));
        // t(1) is Cauchy: CDF(1) = 3/4 exactly.
        assertThat(Distributions.tCdf(1, 1)).isCloseTo(0.75, within(1e-14));
        // t(2) CDF has the closed form 1/2 + t / (2 sqrt(2 + t^2)): at t = 2, 0.5 + 2 / (2 sqrt 6).
        assertThat(Distributions.tCdf(2, 2)).isCloseTo(0.5 + 1 / Math.sqrt(6), within(1e-14));
    }

    @Property(tries = 200)
    void tApproachesNormalForLargeDf(@ForAll @DoubleRange(min = -4, max = 4) double t) {
        assertThat(Distributions.tCdf(t, 1e7)).isCloseTo(Distributions.normalCdf(t), within(1e-6));
    }

    @Property(tries = 200)
    void tCdfIsSymmetricAndQuantileInverts(@ForAll @DoubleRange(min = 0.01, max = 0.99) double p,
            @ForAll @IntRange(min = 1, max = 500) int df) {
        double q = Distributions.tQuantile(p, df);
        assertThat(Distributions.tCdf(q, df)).isCloseTo(p, within(1e-9));
        assertThat(Distributions.tCdf(-q, df)).isCloseTo(1 - p, within(1e-9));
    }
}
