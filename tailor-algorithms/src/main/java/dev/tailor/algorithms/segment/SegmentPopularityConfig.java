// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.segment;

import dev.tailor.algorithms.common.Checks;
import dev.tailor.algorithms.common.Events;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.algorithms.popularity.Count;
import dev.tailor.core.data.EventWeights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of per-segment popularity.
 *
 * @param count distinct users per item within the segment, or summed event weights
 * @param prior strength of the pull towards global popularity, in units of {@code count} (pseudo-counts
 *     spread over items by their global share), >= 0; 0 trusts each segment's own counts fully
 * @param events how event types weigh
 */
public record SegmentPopularityConfig(Count count, double prior, EventWeights events) {
    public static final String NAME = "segment-pop";

    public static final List<Param> PARAMS = List.of(
            Param.choice("count", "users", Count.specNames(), "users = distinct users per item; weighted = sum of"
                    + " event weights"),
            Param.real("prior", 50, 1, 10_000, true, "pseudo-counts pulling a segment towards global popularity"),
            Events.param("default"));

    public SegmentPopularityConfig {
        Checks.of(NAME).notNull("count", count).atLeast("prior", prior, 0).notNull(Events.NAME, events).done();
    }

    public static SegmentPopularityConfig defaults() {
        return from(ParamValues.defaults(NAME, PARAMS));
    }

    public static SegmentPopularityConfig from(ParamValues p) {
        return new SegmentPopularityConfig(Count.parse(p.text("count")), p.real("prior"),
                Events.parse(NAME, p.text(Events.NAME)));
    }

    public Map<String, String> toParams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("count", count.specName());
        m.put("prior", Param.formatReal(prior));
        m.put(Events.NAME, Events.format(events));
        return m;
    }
}
