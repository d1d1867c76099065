// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy.dp;

import dev.tailor.core.error.ValidationException;
import java.util.random.RandomGenerator;

/**
 * The Gaussian mechanism: noise from N(0, σ²) gives (ε, δ)-DP for a query whose L2 sensitivity is Δ₂.
 *
 * <p>σ is the smallest one allowed by the <em>analytic</em> Gaussian mechanism (Balle and Wang, ICML 2018,
 * Theorem 8): adding N(0, σ²) is (ε, δ)-DP iff Φ(Δ/2σ − εσ/Δ) − e^ε Φ(−Δ/2σ − εσ/Δ) ≤ δ. The left side falls
 * as σ grows, so σ is found by bisection. The textbook calibration σ = Δ √(2 ln(1.25/δ)) / ε (Dwork and Roth,
 * Theorem A.1) is only proven for ε &lt; 1 and adds more noise than needed; {@link #classicSigma} gives it for
 * comparison.
 *
 * @param epsilon ε, finite and &gt; 0
 * @param delta δ, strictly between 0 and 1
 * @param l2Sensitivity Δ₂, the most one customer can change the L2 norm of the released vector
 * @param sigma the noise standard deviation, derived
 */
public record GaussianMechanism(double epsilon, double delta, double l2Sensitivity, double sigma)
        implements NoiseMechanism {
    public GaussianMechanism {
        PrivacyCost.checkEpsilon(epsilon);
        checkDelta(delta);
        PrivacyCost.checkSensitivity("sensitivity", l2Sensitivity);
        double needed = analyticSigma(epsilon, delta, l2Sensitivity);
        if (!(sigma >= needed * (1 - 1e-9))) {
            throw ValidationException.of("sigma", "σ = " + sigma + " is too small for (ε = " + epsilon + ", δ = "
                    + delta + ") at sensitivity " + l2Sensitivity + "; needs at least " + needed);
        }
    }

    /** The least noise that gives (ε, δ)-DP at this sensitivity. */
    public static GaussianMechanism of(double epsilon, double delta, double l2Sensitivity) {
        PrivacyCost.checkEpsilon(epsilon);
        checkDelta(delta);
        PrivacyCost.checkSensitivity("sensitivity", l2Sensitivity);
        return new GaussianMechanism(epsilon, delta, l2Sensitivity, analyticSigma(epsilon, delta, l2Sensitivity));
    }

    /** For a histogram of clipped per-customer contributions. */
    public static GaussianMechanism forCounts(double epsilon, double delta, ContributionBound bound) {
        return of(epsilon, delta, bound.l2Sensitivity());
    }

    /** Dwork and Roth's σ = Δ √(2 ln(1.25/δ)) / ε, valid for ε &lt; 1 only. */
    public static double classicSigma(double epsilon, double delta, double l2Sensitivity) {
        return l2Sensitivity * Math.sqrt(2 * Math.log(1.25 / delta)) / epsilon;
    }

    /**
     * The δ that N(0, σ²) noise achieves at ε for sensitivity Δ: Balle and Wang's exact privacy profile. The
     * second term is taken through logarithms so e^ε does not overflow where Φ underflows.
     */
    public static double deltaFor(double epsilon, double sigma, double l2Sensitivity) {
        double a = l2Sensitivity / (2 * sigma);
        double b = epsilon * sigma / l2Sensitivity;
        double first = Normal.cdf(a - b);
        double tail = Normal.cdf(-a - b);
        double second = tail == 0 ? 0 : Math.exp(epsilon + Math.log(tail));
        return Math.max(0, first - second);
    }

    static double analyticSigma(double epsilon, double delta, double sensitivity) {
        double lo = sensitivity * 1e-6;
        double hi = sensitivity;
        while (deltaFor(epsilon, hi, sensitivity) > delta) {
            lo = hi;
            hi *= 2;
        }
        // deltaFor falls monotonically in σ; 200 halvings of a ratio bracket reach double precision.
        for (int it = 0; it < 200 && hi - lo > 1e-12 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (deltaFor(epsilon, mid, sensitivity) > delta) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static void checkDelta(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw ValidationException.of("delta", "expected 0 < δ < 1 for the Gaussian mechanism (typically"
                    + " below 1/number of customers), got " + delta);
        }
    }

    @Override
    public PrivacyCost cost() {
        return new PrivacyCost(epsilon, delta);
    }

    @Override
    public double variance() {
        return sigma * sigma;
    }

    @Override
    public double sample(RandomGenerator random) {
        return sigma * random.nextGaussian();
    }
}
