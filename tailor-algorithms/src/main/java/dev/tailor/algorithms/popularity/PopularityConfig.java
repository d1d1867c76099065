// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.popularity;

import dev.tailor.algorithms.common.Checks;
import dev.tailor.algorithms.common.Events;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.core.data.EventWeights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of global popularity.
 *
 * @param count distinct users per item, or summed event weights
 * @param events how event types weigh; with {@code count=users} it only decides which events count at all
 */
public record PopularityConfig(Count count, EventWeights events) {
    public static final String NAME = "pop";

    public static final List<Param> PARAMS = List.of(
            Param.choice("count", "users", Count.specNames(), "users = distinct users per item; weighted = sum of"
                    + " event weights"),
            Events.param("default"));

    public PopularityConfig {
        Checks.of(NAME).notNull("count", count).notNull(Events.NAME, events).done();
    }

    public static PopularityConfig defaults() {
        return from(ParamValues.defaults(NAME, PARAMS));
    }

    public static PopularityConfig from(ParamValues p) {
        return new PopularityConfig(Count.parse(p.text("count")), Events.parse(NAME, p.text(Events.NAME)));
    }

    public Map<String, String> toParams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("count", count.specName());
        m.put(Events.NAME, Events.format(events));
        return m;
    }
}
