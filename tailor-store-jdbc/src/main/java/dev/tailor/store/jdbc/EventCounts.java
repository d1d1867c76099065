// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.domain.EventType;
import java.util.Map;

/**
 * The event-derived part of the statistics, which each dialect computes its own way.
 *
 * @param byType events per type (types without events may be absent)
 * @param events all events
 * @param users distinct users with an event
 * @param items distinct items with an event
 * @param pairs distinct (user, item) pairs with an event
 */
record EventCounts(Map<EventType, Long> byType, long events, long users, long items, long pairs) {
    EventCounts {
        byType = Map.copyOf(byType);
    }
}
