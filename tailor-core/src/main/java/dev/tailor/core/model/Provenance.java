// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Enough to reproduce a model: which data (snapshot fingerprint), which algorithm and settings, which seed,
 * when, and how long training took.
 */
public record Provenance(String algorithm, Map<String, String> config, long seed, String dataFingerprint,
        Instant trainedAt, long trainMillis) {
    public Provenance {
        config = Map.copyOf(new TreeMap<>(config));
    }
}
