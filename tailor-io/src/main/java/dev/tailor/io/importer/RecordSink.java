// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Ids;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.StoreWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Batches validated records into a {@link StoreWriter} and books what the writer accepted in the session.
 * Items and customers are flushed before every event batch, so a store that checks references sees an item
 * before the events that name it.
 *
 * <p>When the writer is a {@link SnapshotBuilder}, {@link #event(EventType, String, String, double, long)} skips
 * the {@link Event} record and calls the builder's primitive {@code addEvent}: loading a dataset for evaluation
 * then allocates nothing per event beyond the parsed id strings. The ids and value are validated by the same
 * rules {@code Event} applies, so both paths accept exactly the same rows.
 */
final class RecordSink {
    private final StoreWriter writer;
    private final SnapshotBuilder snapshot;
    private final ImportSession session;
    private final int batchSize;
    // A handed-over batch is never reused: a writer may keep the list it was given.
    private List<Item> items = new ArrayList<>();
    private List<Customer> customers = new ArrayList<>();
    private List<Event> events = new ArrayList<>();

    RecordSink(StoreWriter writer, ImportOptions options, ImportSession session) {
        this.writer = writer;
        this.snapshot = writer instanceof SnapshotBuilder b ? b : null;
        this.session = session;
        this.batchSize = options.batchSize();
    }

    void item(Item item) {
        items.add(item);
        if (items.size() >= batchSize) {
            flushItems();
        }
    }

    void customer(Customer customer) {
        customers.add(customer);
        if (customers.size() >= batchSize) {
            flushCustomers();
        }
    }

    void event(Event event) {
        events.add(event);
        if (events.size() >= batchSize) {
            flushEvents();
        }
    }

    /**
     * A plain user-item event (no session, scene or request): the shape of every public dataset.
     *
     * @throws ValidationException for ids or values {@link Event} would refuse
     */
    void event(EventType type, String userId, String itemId, double value, long epochMillis) {
        if (snapshot == null) {
            event(new Event(type, userId, itemId, value, Instant.ofEpochMilli(epochMillis), null, null, null, null,
                    null));
            return;
        }
        String user = Ids.require("user_id", userId);
        String item = Ids.require("item_id", itemId);
        if (!Double.isFinite(value)) {
            throw ValidationException.of("value", "must be a finite number, was " + value);
        }
        snapshot.addEvent(user, item, type.ordinal(), (float) value, epochMillis);
        session.countEvents(1, 0);
    }

    /** Writes everything still buffered. */
    void flush() {
        flushEvents();
    }

    private void flushItems() {
        if (!items.isEmpty()) {
            writer.upsertItems(items);
            session.countItems(items.size());
            items = new ArrayList<>();
        }
    }

    private void flushCustomers() {
        if (!customers.isEmpty()) {
            writer.upsertCustomers(customers);
            session.countCustomers(customers.size());
            customers = new ArrayList<>();
        }
    }

    private void flushEvents() {
        flushItems();
        flushCustomers();
        if (!events.isEmpty()) {
            int added = writer.appendEvents(events);
            session.countEvents(added, events.size() - added);
            events = new ArrayList<>();
        }
    }
}
