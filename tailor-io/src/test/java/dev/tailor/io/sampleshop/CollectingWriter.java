// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import dev.tailor.core.store.StoreWriter;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything written, plus the sequence and sizes of calls, for assertions. */
class CollectingWriter implements StoreWriter {
    final List<Item> items = new ArrayList<>();
    final List<Customer> customers = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    /** One letter per call: I(tems), C(ustomers), E(vents). */
    final StringBuilder calls = new StringBuilder();
    int largestBatch;

    @Override
    public void upsertItems(List<Item> batch) {
        calls.append('I');
        largestBatch = Math.max(largestBatch, batch.size());
        items.addAll(batch);
    }

    @Override
    public void upsertCustomers(List<Customer> batch) {
        calls.append('C');
        largestBatch = Math.max(largestBatch, batch.size());
        customers.addAll(batch);
    }

    @Override
    public int appendEvents(List<Event> batch) {
        calls.append('E');
        largestBatch = Math.max(largestBatch, batch.size());
        events.addAll(batch);
        return batch.size();
    }
}
