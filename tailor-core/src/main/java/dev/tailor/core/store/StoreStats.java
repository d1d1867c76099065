// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.store;

import dev.tailor.core.domain.EventType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is in a store.
 *
 * @param items catalog size
 * @param customers customer profiles (events may also name customers without a profile)
 * @param events all events
 * @param eventsByType events per type; every type is present (0 when none)
 * @param activeUsers distinct users with at least one event
 * @param activeItems distinct items with at least one event
 * @param userItemPairs distinct (user, item) pairs with at least one event, for sparsity
 * @param firstEvent earliest event time; empty when there are no events
 * @param lastEvent latest event time; empty when there are no events
 * @param topCategories most common leaf categories with their item counts, largest first
 */
public record StoreStats(
        long items,
        long customers,
        long events,
        Map<EventType, Long> eventsByType,
        long activeUsers,
        long activeItems,
        long userItemPairs,
        Optional<Instant> firstEvent,
        Optional<Instant> lastEvent,
        List<CategoryCount> topCategories) {

    public StoreStats {
        EnumMap<EventType, Long> all = new EnumMap<>(EventType.class);
        for (EventType t : EventType.values()) {
            all.put(t, eventsByType.getOrDefault(t, 0L));
        }
        eventsByType = Map.copyOf(all);
        topCategories = List.copyOf(topCategories);
    }

    /** Share of the active user x item matrix that is empty, in [0, 1]; 1 for an empty store. */
    public double sparsity() {
        double cells = (double) activeUsers * activeItems;
        return cells == 0 ? 1.0 : 1.0 - userItemPairs / cells;
    }

    public record CategoryCount(String category, long items) {
    }
}
