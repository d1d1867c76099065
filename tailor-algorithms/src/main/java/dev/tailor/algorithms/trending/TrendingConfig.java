// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.trending;

import dev.tailor.algorithms.common.Checks;
import dev.tailor.algorithms.common.Events;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.core.data.EventWeights;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the trending baseline.
 *
 * @param halfLife age at which an event counts half, > 0 (spec syntax {@code half-life=7d})
 * @param events weight of each event type before decay
 */
public record TrendingConfig(Duration halfLife, EventWeights events) {
    public static final String NAME = "trending";

    public static final List<Param> PARAMS = List.of(
            Param.duration("half-life", Duration.ofDays(7), Duration.ofHours(1), Duration.ofDays(365),
                    "age at which an event counts half"),
            Events.param("default"));

    public TrendingConfig {
        Checks c = Checks.of(NAME).notNull("half-life", halfLife).notNull(Events.NAME, events);
        if (halfLife != null && (halfLife.isNegative() || halfLife.isZero())) {
            c.fail("half-life", "must be positive, was " + halfLife);
        }
        c.done();
    }

    public static TrendingConfig defaults() {
        return from(ParamValues.defaults(NAME, PARAMS));
    }

    public static TrendingConfig from(ParamValues p) {
        return new TrendingConfig(p.duration("half-life"), Events.parse(NAME, p.text(Events.NAME)));
    }

    public Map<String, String> toParams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("half-life", Param.formatDuration(halfLife));
        m.put(Events.NAME, Events.format(events));
        return m;
    }
}
