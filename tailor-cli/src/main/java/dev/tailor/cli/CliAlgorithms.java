// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.sequential.registry.SequentialAlgorithms;

/**
 * The one registry every command trains, evaluates, serves and reads model archives with: the standard
 * algorithms plus the sequential models, so a spec that {@code evaluate} accepts also serves and saves.
 */
public final class CliAlgorithms {
    private static final Algorithms ALL = SequentialAlgorithms.register(Algorithms.standard());

    private CliAlgorithms() {
    }

    public static Algorithms all() {
        return ALL;
    }
}
