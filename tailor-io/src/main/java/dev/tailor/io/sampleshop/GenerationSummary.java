// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import dev.tailor.core.domain.EventType;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a generation run wrote.
 *
 * @param items items written
 * @param customers customers written
 * @param events events written
 * @param eventsByType events per type; every type present (0 when none)
 * @param elapsed wall-clock time of the run (the only part that differs between identical runs)
 */
public record GenerationSummary(long items, long customers, long events, Map<EventType, Long> eventsByType,
        Duration elapsed) {

    public GenerationSummary {
        EnumMap<EventType, Long> all = new EnumMap<>(EventType.class);
        for (EventType t : EventType.values()) {
            all.put(t, eventsByType.getOrDefault(t, 0L));
        }
        // EnumMap keeps type order, so summaries print the same way every time.
        eventsByType = Collections.unmodifiableMap(all);
    }

    static GenerationSummary of(long items, long customers, long[] byType, Duration elapsed) {
        Map<EventType, Long> m = new EnumMap<>(EventType.class);
        long events = 0;
        for (EventType t : EventType.values()) {
            m.put(t, byType[t.ordinal()]);
            events += byType[t.ordinal()];
        }
        return new GenerationSummary(items, customers, events, m, elapsed);
    }

    /** Events per second of wall-clock time; 0 when no time was measured. */
    public double eventsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : events / seconds;
    }
}
