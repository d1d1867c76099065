// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.factor;

import dev.tailor.algorithms.common.Param;
import dev.tailor.core.model.Provenance;
import java.util.LinkedHashMap;
import java.util.Map;

/** Provenance of a model derived from another by changing a scoring-time setting. */
public final class Provenances {
    private Provenances() {
    }

    /** The same provenance with {@code key} set to {@code value} (in spec syntax) in its configuration. */
    public static Provenance with(Provenance p, String key, double value) {
        Map<String, String> config = new LinkedHashMap<>(p.config());
        config.put(key, Param.formatReal(value));
        return new Provenance(p.algorithm(), config, p.seed(), p.dataFingerprint(), p.trainedAt(), p.trainMillis());
    }
}
