// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.store;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import dev.tailor.core.privacy.Pseudonymizer;
import java.time.Instant;
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

    /**
     * Streams the events of one customer (the shop's id) in (timestamp, insertion) order: the right of access.
     * Events carry the id as stored (the pseudonym when the store pseudonymizes).
     */
    void forEachEventOf(String customerId, Consumer<Event> action);

    /**
     * Deletes everything the store holds on one customer (the shop's id) in one transaction: profile, events
     * and the identity mapping when one is kept.
     *
     * @return what was deleted; {@link Erasure#found()} is false when the store held nothing on the id
     */
    Erasure eraseCustomer(String customerId);

    /**
     * Deletes every event older than {@code cutoff} (retention), in one transaction.
     *
     * @return how many events were deleted
     */
    long purgeEventsBefore(Instant cutoff);

    /**
     * How this store turns customer ids into the ids it stores: applied to every customer id written or looked
     * up, and the form of every customer id read back. Callers that key their own state by customer use it too,
     * so that an id from the shop and an id read from the store meet. {@link Pseudonymizer#none()} when off.
     */
    Pseudonymizer pseudonymizer();

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
