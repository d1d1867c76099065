// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A generated shop held in memory with lookups, shared between test classes (generating the demo shop takes
 * about a second, and several classes read it).
 */
final class GeneratedShop {
    private static final Map<SampleShopConfig, GeneratedShop> CACHE = new ConcurrentHashMap<>();

    final SampleShopConfig config;
    final GenerationSummary summary;
    final List<Item> items;
    final List<Customer> customers;
    final List<Event> events;
    final Map<String, Item> itemById = new HashMap<>();
    final Map<String, Customer> customerById = new HashMap<>();

    private GeneratedShop(SampleShopConfig config) {
        this.config = config;
        CollectingWriter w = new CollectingWriter();
        summary = new SampleShopGenerator(config).writeTo(w);
        items = List.copyOf(w.items);
        customers = List.copyOf(w.customers);
        events = List.copyOf(w.events);
        items.forEach(i -> itemById.put(i.id(), i));
        customers.forEach(c -> customerById.put(c.id(), c));
    }

    static GeneratedShop of(SampleShopConfig config) {
        return CACHE.computeIfAbsent(config, GeneratedShop::new);
    }

    /** The demo shop (the config defaults). */
    static GeneratedShop demo() {
        return of(SampleShopConfig.defaults());
    }

    Item item(Event e) {
        return itemById.get(e.itemId());
    }

    String root(Event e) {
        return item(e).categoryPath().get(0);
    }

    String leafPath(Event e) {
        return String.join(" > ", item(e).categoryPath());
    }

    String segment(Event e) {
        return customerById.get(e.userId()).segments().get(0);
    }

    LocalDate localDate(Instant t) {
        return t.atOffset(config.zone()).toLocalDate();
    }
}
