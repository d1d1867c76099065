// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy.dp;

import java.util.random.RandomGenerator;

/**
 * Additive noise that makes a query with bounded sensitivity differentially private. Immutable and thread-safe;
 * randomness comes from the caller, so releases are reproducible in tests (production callers pass a
 * {@link java.security.SecureRandom}-seeded generator).
 */
public interface NoiseMechanism {
    /** The guarantee one call to {@link #release} gives for the whole vector. */
    PrivacyCost cost();

    /** Variance of the noise added to each coordinate. */
    double variance();

    /** One noise sample. */
    double sample(RandomGenerator random);

    /**
     * Noisy copy of {@code values}: each coordinate gets independent noise. The vector counts as one query, so
     * the sensitivity the mechanism was built with must bound the change of the whole vector.
     */
    default double[] release(double[] values, RandomGenerator random) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] + sample(random);
        }
        return out;
    }
}
