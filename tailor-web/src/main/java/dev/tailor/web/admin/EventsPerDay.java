// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web.admin;

import dev.tailor.core.domain.EventType;
import dev.tailor.core.store.Store;
import java.util.Arrays;

/**
 * Events per UTC day and type, from the first event's day to the last's (days without events included, as
 * zeros, so that a chart shows gaps as gaps). Immutable once counted.
 */
public final class EventsPerDay {
    static final int TYPES = EventType.values().length;

    private final long firstDay;
    private final int days;
    private final long[] counts;

    private EventsPerDay(long firstDay, int days, long[] counts) {
        this.firstDay = firstDay;
        this.days = days;
        this.counts = counts;
    }

    /** Reads every event of the store once; the store streams them in time order. */
    public static EventsPerDay count(Store store) {
        Counter c = new Counter();
        store.forEachEvent(e -> c.add(Math.floorDiv(e.timestamp().toEpochMilli(), 86_400_000L),
                e.type().ordinal()));
        return c.result();
    }

    /** Epoch day of the first row; meaningless when there are no days. */
    public long firstDay() {
        return firstDay;
    }

    public int days() {
        return days;
    }

    /** Events on day {@code firstDay() + day} of the type with ordinal {@code type}. */
    public long count(int day, int type) {
        return counts[day * TYPES + type];
    }

    /** Counts events as they stream by, growing its rows as later days arrive. */
    static final class Counter {
        private long first = Long.MIN_VALUE;
        private int days;
        private long[] counts = new long[64 * TYPES];

        void add(long epochDay, int type) {
            if (first == Long.MIN_VALUE) {
                first = epochDay;
            }
            if (epochDay < first) {
                // The store streams in time order; an earlier day means a contract break, not data to drop.
                throw new IllegalStateException("events out of time order: day " + epochDay + " after " + first);
            }
            long day = epochDay - first;
            if (day >= Integer.MAX_VALUE / TYPES) {
                throw new IllegalStateException("events span more than " + Integer.MAX_VALUE / TYPES + " days");
            }
            int d = (int) day;
            if ((d + 1) * TYPES > counts.length) {
                counts = Arrays.copyOf(counts, Math.max(counts.length * 2, (d + 1) * TYPES));
            }
            counts[d * TYPES + type]++;
            days = Math.max(days, d + 1);
        }

        EventsPerDay result() {
            return new EventsPerDay(first == Long.MIN_VALUE ? 0 : first, days, Arrays.copyOf(counts, days * TYPES));
        }
    }
}
