// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import dev.tailor.core.store.StoreWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A real, minimal StoreWriter that keeps what it is given and de-duplicates events by the store's rule (same
 * user, item, type and timestamp), so tests can look at the records an importer produced.
 */
final class RecordingWriter implements StoreWriter {
    final List<Item> items = new ArrayList<>();
    final List<Customer> customers = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();
    private final Set<List<Object>> seen = new HashSet<>();

    @Override
    public void upsertItems(List<Item> batch) {
        batchSizes.add(batch.size());
        items.addAll(batch);
    }

    @Override
    public void upsertCustomers(List<Customer> batch) {
        batchSizes.add(batch.size());
        customers.addAll(batch);
    }

    @Override
    public int appendEvents(List<Event> batch) {
        batchSizes.add(batch.size());
        int added = 0;
        for (Event e : batch) {
            if (seen.add(List.of(e.userId(), String.valueOf(e.itemId()), e.type(), e.timestamp()))) {
                events.add(e);
                added++;
            }
        }
        return added;
    }
}
