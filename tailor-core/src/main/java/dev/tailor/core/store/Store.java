// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.store;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where a shop's catalog, customers and behaviour live. Implementations: embedded H2 (default) and
 * PostgreSQL, in {@code tailor-store-jdbc}. Thread-safe; reads see only committed data.
 */
public interface Store extends AutoCloseable {
    /**
     * Runs {@code work} in one transaction: if it throws, nothing it wrote is kept (and the exception
     * propagates); if it returns, everything is committed.
     */
    <T> T write(Function<StoreWriter, T> work);

    Optional<Item> findItem(String id);

    Optional<Customer> findCustomer(String id);

    /** Streams every item, in id order, without holding the catalog in memory. */
    void forEachItem(Consumer<Item> action);

    /** Streams every customer, in id order. */
    void forEachCustomer(Consumer<Customer> action);

    /** Streams every event in (timestamp, insertion) order, without holding them in memory. */
    void forEachEvent(Consumer<Event> action);

    /** Counts and summaries for {@code tailor stats} and health pages. */
    StoreStats stats();

    /**
     * Where trained models are kept next to this store's data; empty for a store that cannot keep them. The
     * archive lives as long as the store.
     */
    default Optional<ModelArchive> modelArchive() {
        return Optional.empty();
    }

    /** A human-readable location, e.g. "H2 at ./tailor-data" (never includes passwords). */
    String describe();

    @Override
    void close();
}
