// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import dev.tailor.core.store.StoreWriter;
import java.util.List;

/** Drops everything but counts it: measures generation alone. */
final class NoopStoreWriter implements StoreWriter {
    long items;
    long customers;
    long events;

    @Override
    public void upsertItems(List<Item> batch) {
        items += batch.size();
    }

    @Override
    public void upsertCustomers(List<Customer> batch) {
        customers += batch.size();
    }

    @Override
    public int appendEvents(List<Event> batch) {
        events += batch.size();
        return batch.size();
    }
}
