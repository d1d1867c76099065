// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy.dp;

import dev.tailor.core.error.ValidationException;

/**
 * What one release costs in privacy: the (ε, δ) of differential privacy. δ = 0 is pure ε-DP.
 *
 * @param epsilon ε, finite and &gt; 0
 * @param delta δ, in [0, 1)
 */
public record PrivacyCost(double epsilon, double delta) {
    public PrivacyCost {
        checkEpsilon(epsilon);
        if (!(delta >= 0 && delta < 1)) {
            throw ValidationException.of("delta", "expected 0 <= δ < 1, got " + delta);
        }
    }

    /** Pure ε-DP. */
    public static PrivacyCost pure(double epsilon) {
        return new PrivacyCost(epsilon, 0);
    }

    static void checkEpsilon(double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw ValidationException.of("epsilon", "expected a finite ε > 0 (smaller is more private), got "
                    + epsilon);
        }
    }

    static void checkSensitivity(String field, double sensitivity) {
        if (!(sensitivity > 0) || Double.isInfinite(sensitivity)) {
            throw ValidationException.of(field, "expected a finite sensitivity > 0, got " + sensitivity);
        }
    }
}
