// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.store.Store;
import dev.tailor.core.store.StoreStats;
import dev.tailor.server.http.Params;
import dev.tailor.web.WebJson;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /v1/admin/data}: what is in the store (counts, events per type, sparsity, first and last event, the
 * largest categories) and how many events arrived per day (UTC), per type.
 *
 * <p>Counting events per day reads every event once; the result is kept until the store's event count or last
 * event time changes, so a dashboard reloaded on a quiet store costs only the store's summary query.
 */
public final class DataHealth {
    private final Store store;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    public DataHealth(Store store) {
        this.store = store;
    }

    public void handle(Context ctx) {
        Params.of(ctx, Set.of()).check();
        StoreStats stats = store.stats();
        WebJson.send(ctx, json(store.describe(), stats, daily(stats)));
    }

    private EventsPerDay daily(StoreStats stats) {
        long lastMillis = stats.lastEvent().map(t -> t.toEpochMilli()).orElse(Long.MIN_VALUE);
        Cached c = cache.get();
        if (c == null || c.events() != stats.events() || c.lastMillis() != lastMillis) {
            c = new Cached(stats.events(), lastMillis, EventsPerDay.count(store));
            cache.set(c);
        }
        return c.perDay();
    }

    static ObjectNode json(String store, StoreStats s, EventsPerDay perDay) {
        ObjectNode o = WebJson.object();
        o.put("store", store);
        o.put("items", s.items());
        o.put("customers", s.customers());
        o.put("events", s.events());
        ObjectNode byType = o.putObject("events_by_type");
        for (EventType t : EventType.values()) {
            byType.put(t.wireName(), s.eventsByType().get(t));
        }
        o.put("active_customers", s.activeUsers());
        o.put("active_items", s.activeItems());
        o.put("customer_item_pairs", s.userItemPairs());
        o.put("sparsity", s.sparsity());
        s.firstEvent().ifPresent(t -> o.put("first_event", t.toString()));
        s.lastEvent().ifPresent(t -> o.put("last_event", t.toString()));
        ArrayNode cats = o.putArray("top_categories");
        for (StoreStats.CategoryCount c : s.topCategories()) {
            cats.addObject().put("category", c.category()).put("items", c.items());
        }
        ObjectNode days = o.putObject("events_per_day");
        days.put("zone", "UTC");
        ArrayNode types = days.putArray("types");
        for (EventType t : EventType.values()) {
            types.add(t.wireName());
        }
        ArrayNode rows = days.putArray("days");
        for (int d = 0; d < perDay.days(); d++) {
            ObjectNode row = rows.addObject();
            row.put("date", LocalDate.ofEpochDay(perDay.firstDay() + d).toString());
            ArrayNode counts = row.putArray("counts");
            for (int t = 0; t < EventsPerDay.TYPES; t++) {
                counts.add(perDay.count(d, t));
            }
        }
        return o;
    }

    private record Cached(long events, long lastMillis, EventsPerDay perDay) {
    }
}
