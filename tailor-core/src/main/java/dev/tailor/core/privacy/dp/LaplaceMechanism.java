// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy.dp;

import java.util.random.RandomGenerator;

/**
 * The Laplace mechanism (Dwork, McSherry, Nissim and Smith 2006): noise from Laplace(0, b) with
 * b = Δ₁ / ε gives pure ε-DP for a query whose L1 sensitivity is Δ₁. Noise variance is 2b².
 *
 * @param epsilon ε, finite and &gt; 0
 * @param l1Sensitivity Δ₁, the most one customer can change the L1 norm of the released vector
 */
public record LaplaceMechanism(double epsilon, double l1Sensitivity) implements NoiseMechanism {
    public LaplaceMechanism {
        PrivacyCost.checkEpsilon(epsilon);
        PrivacyCost.checkSensitivity("sensitivity", l1Sensitivity);
    }

    /** For a histogram of clipped per-customer contributions. */
    public static LaplaceMechanism forCounts(double epsilon, ContributionBound bound) {
        return new LaplaceMechanism(epsilon, bound.l1Sensitivity());
    }

    /** The scale b of the Laplace distribution. */
    public double scale() {
        return l1Sensitivity / epsilon;
    }

    @Override
    public PrivacyCost cost() {
        return PrivacyCost.pure(epsilon);
    }

    @Override
    public double variance() {
        double b = scale();
        return 2 * b * b;
    }

    @Override
    public double sample(RandomGenerator random) {
        // Inverse CDF: u uniform on (-1/2, 1/2), x = -b sgn(u) ln(1 - 2|u|). nextDouble() can return 0, which
        // maps to u = -1/2 and ln(0); redraw instead of clamping so the distribution stays exact.
        double u;
        do {
            u = random.nextDouble() - 0.5;
        } while (u == -0.5);
        return -scale() * Math.signum(u) * Math.log1p(-2 * Math.abs(u));
    }
}
