// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Student's sleep data (Cushny and Peebles 1905, R's {@code datasets::sleep}): extra hours of sleep of 10
 * patients under two drugs. R 4.x reports for {@code t.test(g1, g2, paired = TRUE)}: t = -4.0621, df = 9,
 * p-value = 0.002833, mean difference -1.58, 95% CI -2.4598858 .. -0.7001142; and for
 * {@code wilcox.test(g1, g2, paired = TRUE)} (normal approximation because of ties and a zero, continuity
 * corrected): V = 0, p-value = 0.009091.
 */
class PairedComparisonTest {
    private static final double[] G1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    private static final double[] G2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    @Test
    void pairedTTestMatchesR() {
        PairedComparison c = PairedComparison.of(G1, G2, 0, 1);
        assertThat(c.meanDiff()).isCloseTo(-1.58, within(1e-12));
        assertThat(c.tStatistic()).isCloseTo(-4.0621, within(5e-5));
        assertThat(c.tP()).isCloseTo(0.002833, within(5e-7));
        assertThat(c.n()).isEqualTo(10);
    }

    @Test
    void meanCiOfDifferencesMatchesR() {
        double[] d = new double[G1.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = G1[i] - G2[i];
        }
        MeanCi ci = MeanCi.of(d);
        assertThat(ci.low()).isCloseTo(-2.4598858, within(1e-7));
        assertThat(ci.high()).isCloseTo(-0.7001142, within(1e-7));
    }

    @Test
    void wilcoxonMatchesRWithTiesAndAZero() {
        // Differences -1.2 -2.4 -1.3 -1.3 0 -1.0 -1.8 -0.8 -4.6 -1.4: the zero is dropped (n = 9), |d| ranks
        // 0.8:1 1.0:2 1.2:3 1.3:4.5 1.3:4.5 1.4:6 1.8:7 2.4:8 4.6:9; W+ = 0.
        // mean = 9*10/4 = 22.5; var = 9*10*19/24 - (2^3 - 2)/48 = 71.25 - 0.125 = 71.125;
        // z = (0 - 22.5 + 0.5) / sqrt(71.125) = -2.608630...
        PairedComparison c = PairedComparison.of(G1, G2, 0, 1);
        assertThat(c.wilcoxonW()).isZero();
        assertThat(c.wilcoxonZ()).isCloseTo(-22 / Math.sqrt(71.125), within(1e-12));
        assertThat(c.wilcoxonP()).isCloseTo(0.009091, within(5e-7));
    }

    @Test
    void bootstrapIsSeededAndBracketsTheMean() {
        PairedComparison a = PairedComparison.of(G1, G2, 2000, 7);
        PairedComparison b = PairedComparison.of(G1, G2, 2000, 7);
        assertThat(a.bootLow()).isEqualTo(b.bootLow());
        assertThat(a.bootHigh()).isEqualTo(b.bootHigh());
        assertThat(a.bootLow()).isLessThan(-1.58).isGreaterThan(-3);
        assertThat(a.bootHigh()).isGreaterThan(-1.58).isLessThan(0);
        assertThat(a.significant(0.05)).isTrue();
    }

    @Test
    void identicalModelsAreNotSignificant() {
        PairedComparison c = PairedComparison.of(G1, G1, 500, 1);
        assertThat(c.tP()).isEqualTo(1.0);
        assertThat(c.wilcoxonP()).isEqualTo(1.0);
        assertThat(c.significant(0.05)).isFalse();
    }

    @Test
    void nanPairsAreLeftOut() {
        PairedComparison c = PairedComparison.of(new double[] {1, Double.NaN, 3}, new double[] {0, 5, 1}, 0, 1);
        assertThat(c.n()).isEqualTo(2);
        assertThat(c.meanDiff()).isCloseTo(1.5, within(1e-12));
    }
}
