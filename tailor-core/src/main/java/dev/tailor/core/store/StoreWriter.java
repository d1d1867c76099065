// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.store;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import java.util.List;

/**
 * Writes inside one transaction opened by {@link Store#write}. Also the sink importers write to, so the same
 * importer can fill a store or an in-memory {@link dev.tailor.core.data.SnapshotBuilder}.
 * Not thread-safe: one writer belongs to one transaction on one thread.
 */
public interface StoreWriter {
    /** Inserts or replaces items by id (the last write of an id wins). */
    void upsertItems(List<Item> items);

    /** Inserts or replaces customers by id. */
    void upsertCustomers(List<Customer> customers);

    /**
     * Appends events, skipping exact repeats of stored events (same user, item, type and timestamp).
     *
     * @return how many events were new
     */
    int appendEvents(List<Event> events);
}
