// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.report;

import java.util.Map;
import java.util.Objects;

/**
 * What a report records about how the run was made, beyond the results themselves.
 *
 * @param dataset dataset name or path as given
 * @param split split spec (or protocol name and its spec)
 * @param seed the run's seed
 * @param softwareVersion Tailor's version
 * @param extra anything else worth keeping (command line, machine), written as-is
 */
public record RunInfo(String dataset, String split, long seed, String softwareVersion, Map<String, String> extra) {
    public RunInfo {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        extra = Map.copyOf(extra);
    }

    /** The version in this jar's manifest, or "dev" when run from classes. */
    public static String version() {
        String v = RunInfo.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
