// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.core.error.ValidationException;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class MechanismsTest {
    private static final int N = 200_000;

    @Test
    void laplaceScaleIsSensitivityOverEpsilon() {
        LaplaceMechanism m = new LaplaceMechanism(0.5, 2);
        assertThat(m.scale()).isEqualTo(4.0);
        assertThat(m.variance()).isEqualTo(32.0);
        assertThat(m.cost()).isEqualTo(PrivacyCost.pure(0.5));
        assertThat(LaplaceMechanism.forCounts(1, new ContributionBound(5, 2)).scale()).isEqualTo(10.0);
    }

    @Test
    void laplaceSamplesHaveTheDocumentedMomentsAndTail() {
        LaplaceMechanism m = new LaplaceMechanism(0.25, 1);
        double[] x = sample(m, 7);
        double var = m.variance();
        // Sample variance of Laplace noise has relative sd sqrt((kurtosis - 1) / n) = sqrt(5 / n): 0.5% here.
        assertThat(mean(x)).isCloseTo(0, within(5 * Math.sqrt(var / N)));
        assertThat(variance(x) / var).isCloseTo(1, within(5 * Math.sqrt(5.0 / N)));
        // P(|X| > b) = 1/e for Laplace(0, b): a check of the shape, not only the second moment.
        int beyond = 0;
        for (double v : x) {
            if (Math.abs(v) > m.scale()) {
                beyond++;
            }
        }
        double p = Math.exp(-1);
        assertThat((double) beyond / N).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / N)));
    }

    @Test
    void gaussianSamplesHaveTheDocumentedVariance() {
        GaussianMechanism m = GaussianMechanism.of(1, 1e-5, 3);
        double[] x = sample(m, 11);
        assertThat(mean(x)).isCloseTo(0, within(5 * m.sigma() / Math.sqrt(N)));
        assertThat(variance(x) / m.variance()).isCloseTo(1, within(5 * Math.sqrt(2.0 / N)));
    }

    @Test
    void analyticSigmaMatchesTheClosedFormAsEpsilonVanishes() {
        // With ε -> 0 the privacy profile is δ = 2Φ(Δ/2σ) - 1, so σ = Δ / (2 Φ⁻¹((1 + δ)/2)); Φ⁻¹(0.75) =
        // 0.6744897502 from normal tables.
        double sigma = GaussianMechanism.of(1e-9, 0.5, 1).sigma();
        assertThat(sigma).isCloseTo(1 / (2 * 0.6744897502), within(1e-5));
    }

    @Test
    void analyticSigmaIsTheSmallestThatMeetsDelta() {
        GaussianMechanism m = GaussianMechanism.of(1, 1e-5, 1);
        assertThat(GaussianMechanism.deltaFor(1, m.sigma(), 1)).isLessThanOrEqualTo(1e-5).isGreaterThan(0.99e-5);
        assertThat(GaussianMechanism.deltaFor(1, m.sigma() * 0.99, 1)).isGreaterThan(1e-5);
        // Balle and Wang's motivating comparison: the textbook σ is about 30% larger at ε = 1, δ = 1e-5.
        assertThat(GaussianMechanism.classicSigma(1, 1e-5, 1)).isCloseTo(4.8448, within(1e-4));
        assertThat(m.sigma()).isBetween(3.5, 4.0);
    }

    @Property(tries = 200)
    void analyticNeverNeedsMoreNoiseThanTheTextbookBound(@ForAll @DoubleRange(min = 0.01, max = 0.99) double eps,
            @ForAll @DoubleRange(min = 1, max = 9) double negLog10Delta,
            @ForAll @DoubleRange(min = 0.1, max = 100) double sensitivity) {
        double delta = Math.pow(10, -negLog10Delta);
        GaussianMechanism m = GaussianMechanism.of(eps, delta, sensitivity);
        assertThat(m.sigma()).isLessThanOrEqualTo(GaussianMechanism.classicSigma(eps, delta, sensitivity) * 1.000001);
        // σ scales linearly with the sensitivity: the profile depends on σ/Δ only.
        assertThat(m.sigma() / sensitivity).isCloseTo(GaussianMechanism.of(eps, delta, 1).sigma(),
                within(1e-6 * m.sigma() / sensitivity));
        assertThat(GaussianMechanism.deltaFor(eps, m.sigma(), sensitivity)).isLessThanOrEqualTo(delta * 1.000001);
    }

    @Property(tries = 100)
    void moreEpsilonOrDeltaNeverNeedsMoreNoise(@ForAll @DoubleRange(min = 0.05, max = 5) double eps,
            @ForAll @DoubleRange(min = 2, max = 8) double negLog10Delta) {
        double delta = Math.pow(10, -negLog10Delta);
        double s = GaussianMechanism.of(eps, delta, 1).sigma();
        assertThat(GaussianMechanism.of(eps * 1.5, delta, 1).sigma()).isLessThanOrEqualTo(s * (1 + 1e-9));
        assertThat(GaussianMechanism.of(eps, delta * 2, 1).sigma()).isLessThanOrEqualTo(s * (1 + 1e-9));
    }

    @Test
    void badParametersAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new LaplaceMechanism(0, 1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("epsilon").hasMessageContaining("ε > 0");
        assertThatThrownBy(() -> new LaplaceMechanism(-1, 1)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new LaplaceMechanism(Double.NaN, 1)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new LaplaceMechanism(Double.POSITIVE_INFINITY, 1)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new LaplaceMechanism(1, 0)).hasMessageContaining("sensitivity");
        assertThatThrownBy(() -> GaussianMechanism.of(0, 1e-5, 1)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> GaussianMechanism.of(1, 0, 1)).hasMessageContaining("delta");
        assertThatThrownBy(() -> GaussianMechanism.of(1, 1, 1)).hasMessageContaining("delta");
        assertThatThrownBy(() -> GaussianMechanism.of(1, -0.1, 1)).hasMessageContaining("delta");
        assertThatThrownBy(() -> new GaussianMechanism(1, 1e-5, 1, 0.5)).hasMessageContaining("too small");
        assertThatThrownBy(() -> new PrivacyCost(1, 1)).hasMessageContaining("delta");
    }

    private static double[] sample(NoiseMechanism m, long seed) {
        return m.release(new double[N], new SplittableRandom(seed));
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
