// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.random;

import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import java.util.List;
import java.util.Map;

/**
 * Settings of the random baseline.
 *
 * @param seed mixes into every score; the same seed and user always give the same order
 */
public record RandomConfig(long seed) {
    public static final String NAME = "random";

    /** The parameters a spec string may set, e.g. {@code random:seed=7}. */
    public static final List<Param> PARAMS = List.of(
            Param.integer("seed", 42, 0, Integer.MAX_VALUE, false, "random seed").fixed());

    public static RandomConfig defaults() {
        return from(ParamValues.defaults(NAME, PARAMS));
    }

    public static RandomConfig from(ParamValues p) {
        return new RandomConfig(p.integer("seed"));
    }

    /** Spec parameters reproducing this config (the form stored in provenance). */
    public Map<String, String> toParams() {
        return Map.of("seed", Long.toString(seed));
    }
}
