// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web.shop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.store.Store;
import dev.tailor.server.http.Params;
import dev.tailor.server.model.ModelSet;
import dev.tailor.server.model.UserHistories;
import dev.tailor.web.WebJson;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code GET /v1/web/shoppers}: every segment with its number of customers and a few of them to shop as,
 * customers with some history first (their homepage shows what the models learnt, not only what the segment
 * likes).
 *
 * <p>Built by one pass over the store's customers and kept until the next model set: customers added since then
 * are not offered (they can still be served). One pass is fine for a demo shop; a shop with millions of
 * customers would want a store query instead.
 */
public final class Shoppers {
    /** Customers offered per segment. */
    static final int PER_SEGMENT = 8;
    /** History entries that make a customer "with some history". */
    static final int MIN_HISTORY = 5;
    static final String NO_SEGMENT = "";

    private final Store store;
    private final Supplier<ModelSet> models;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    public Shoppers(Store store, Supplier<ModelSet> models) {
        this.store = store;
        this.models = models;
    }

    public void handle(Context ctx) {
        Params.of(ctx, Set.of()).check();
        WebJson.send(ctx, current().json());
    }

    /** The directory for the serving model set, built on first use after each training. */
    Directory current() {
        ModelSet m = models.get();
        long version = m.info().version();
        Cached c = cache.get();
        if (c == null || c.version() != version) {
            c = new Cached(version, build(store, m.histories()));
            cache.set(c);
        }
        return c.directory();
    }

    static Directory build(Store store, UserHistories histories) {
        Map<String, Segment> bySegment = new TreeMap<>();
        long[] total = new long[1];
        store.forEachCustomer(c -> {
            total[0]++;
            int u = histories.user(c.id());
            int history = u < 0 ? 0 : histories.end(u) - histories.start(u);
            List<String> segments = c.segments().isEmpty() ? List.of(NO_SEGMENT) : c.segments();
            for (String s : segments) {
                bySegment.computeIfAbsent(s, Segment::new).offer(c, history);
            }
        });
        List<Segment> segments = new ArrayList<>(bySegment.values());
        return new Directory(total[0], segments);
    }

    /** Customers per segment; {@link #NO_SEGMENT} collects customers without one. */
    record Directory(long customers, List<Segment> segments) {
        ObjectNode json() {
            ObjectNode o = WebJson.object();
            o.put("customers", customers);
            ArrayNode a = o.putArray("segments");
            for (Segment s : segments) {
                ObjectNode so = a.addObject();
                if (s.name.equals(NO_SEGMENT)) {
                    so.putNull("name");
                } else {
                    so.put("name", s.name);
                }
                so.put("customers", s.count);
                ArrayNode sample = so.putArray("sample");
                for (Offer offer : s.sample()) {
                    Customer c = offer.customer();
                    ObjectNode co = sample.addObject();
                    co.put("id", c.id());
                    if (c.age() != null) {
                        co.put("age", c.age());
                    }
                    if (c.gender() != null) {
                        co.put("gender", c.gender().code());
                    }
                    if (c.region() != null) {
                        co.put("region", c.region());
                    }
                    ArrayNode segs = co.putArray("segments");
                    c.segments().forEach(segs::add);
                    co.put("history", offer.history());
                }
            }
            return o;
        }
    }

    /** One segment: its size and the customers offered (with history first, then in id order). */
    static final class Segment {
        private final String name;
        private long count;
        private final List<Offer> withHistory = new ArrayList<>();
        private final List<Offer> without = new ArrayList<>();

        Segment(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }

        long count() {
            return count;
        }

        void offer(Customer c, int history) {
            count++;
            if (history >= MIN_HISTORY) {
                if (withHistory.size() < PER_SEGMENT) {
                    withHistory.add(new Offer(c, history));
                }
            } else if (without.size() < PER_SEGMENT) {
                without.add(new Offer(c, history));
            }
        }

        List<Offer> sample() {
            List<Offer> s = new ArrayList<>(withHistory);
            for (int i = 0; i < without.size() && s.size() < PER_SEGMENT; i++) {
                s.add(without.get(i));
            }
            return s;
        }
    }

    record Offer(Customer customer, int history) {
    }

    private record Cached(long version, Directory directory) {
    }
}
