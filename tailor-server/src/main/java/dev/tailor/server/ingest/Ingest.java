// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.ingest;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.feedback.OnlineMetrics;
import dev.tailor.server.live.CustomerDirectory;
import dev.tailor.server.live.LiveCustomers;
import dev.tailor.server.live.LiveEvents;
import dev.tailor.server.model.ModelSet;
import dev.tailor.server.model.UserHistories;
import dev.tailor.server.search.SearchIndex;
import dev.tailor.server.search.SemanticIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Writes what a shop posts: first to the store, in one transaction per call (a batch is all or nothing), then,
 * once committed, to the serving state (catalog and search index, live profiles, live events and feedback
 * counters), so the next request sees it. Events must name known customers and items: an event about an id
 * nobody has heard of is almost always a bug in the caller, and it would be invisible to every model.
 * Thread-safe; item and customer writes are serialized so that the store and the catalog agree on the last
 * write.
 */
public final class Ingest {
    private final Store store;
    private final LiveCatalog catalog;
    private final SearchIndex search;
    private final SemanticIndex semantic;
    private final LiveCustomers customers;
    private final CustomerDirectory directory;
    private final LiveEvents events;
    private final OnlineMetrics feedback;
    private final Supplier<ModelSet> models;
    private final Object itemLock = new Object();
    private final Object customerLock = new Object();
    private final LongAdder itemsWritten = new LongAdder();
    private final LongAdder customersWritten = new LongAdder();
    private final LongAdder eventsWritten = new LongAdder();

    /**
     * @param semantic encodes upserted items' texts while search by meaning is on
     */
    public Ingest(Store store, LiveCatalog catalog, SearchIndex search, SemanticIndex semantic,
            LiveCustomers customers, CustomerDirectory directory, LiveEvents events, OnlineMetrics feedback,
            Supplier<ModelSet> models) {
        this.store = store;
        this.catalog = catalog;
        this.search = search;
        this.semantic = semantic;
        this.customers = customers;
        this.directory = directory;
        this.events = events;
        this.feedback = feedback;
        this.models = models;
    }

    /** Result of a write: records accepted and, for events, how many were new (not exact repeats). */
    public record Written(int accepted, int added) {
    }

    public Written upsertItems(List<Item> items) {
        synchronized (itemLock) {
            store.write(w -> {
                w.upsertItems(items);
                return null;
            });
            int[] indices = catalog.upsert(items);
            search.upsert(items, indices);
            semantic.upsert(items, indices);
        }
        itemsWritten.add(items.size());
        return new Written(items.size(), items.size());
    }

    public Written upsertCustomers(List<Customer> batch) {
        synchronized (customerLock) {
            store.write(w -> {
                w.upsertCustomers(batch);
                return null;
            });
            long seq = events.sequence();
            for (Customer c : batch) {
                customers.put(directory.key(c.id()), c.segments(), seq);
            }
        }
        customersWritten.add(batch.size());
        return new Written(batch.size(), batch.size());
    }

    /**
     * Appends events after checking that every customer and item they name exists.
     *
     * @param source how problems name the records, e.g. "events" gives {@code events[3].item_id}; empty for a
     *     single event
     * @throws ValidationException listing every unknown reference; nothing is written then
     */
    public Written appendEvents(List<Event> batch, String source) {
        ModelSet m = models.get();
        LiveCatalog.View view = catalog.view();
        List<Problem> problems = new ArrayList<>();
        Set<String> knownUsers = new HashSet<>();
        int[] itemIndex = new int[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Event e = batch.get(i);
            String at = source.isEmpty() ? "" : source + "[" + i + "].";
            if (!knownUsers.contains(e.userId())) {
                if (directory.exists(e.userId(), m)) {
                    knownUsers.add(e.userId());
                } else {
                    problems.add(Problem.of(at + "user_id", "unknown customer '" + e.userId()
                            + "'; upsert it first with POST /v1/customers"));
                }
            }
            itemIndex[i] = e.itemId() == null ? -1 : view.indexOf(e.itemId());
            if (e.itemId() != null && itemIndex[i] < 0) {
                problems.add(Problem.of(at + "item_id", "unknown item '" + e.itemId()
                        + "'; upsert it first with POST /v1/items"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        int added = store.write(w -> w.appendEvents(batch));
        for (int i = 0; i < batch.size(); i++) {
            Event e = batch.get(i);
            int t = e.type().ordinal();
            if (itemIndex[i] >= 0 && UserHistories.isPreference(t)) {
                events.record(directory.key(e.userId()), itemIndex[i], t);
            }
            feedback.feedback(e.type(), e.requestId(), itemIndex[i], e.scene());
        }
        eventsWritten.add(batch.size());
        return new Written(batch.size(), added);
    }

    public long itemsWritten() {
        return itemsWritten.sum();
    }

    public long customersWritten() {
        return customersWritten.sum();
    }

    public long eventsWritten() {
        return eventsWritten.sum();
    }
}
