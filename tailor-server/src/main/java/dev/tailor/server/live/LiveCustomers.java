// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.live;

import dev.tailor.core.domain.Customer;
import java.util.List;
import java.util.Optional;

/**
 * Customer profiles written since the current models were trained (or looked up in the store because the models
 * did not know them), so that a new customer is recognized and gets popular items for their segments at once.
 * Bounded; a forgotten profile is simply looked up in the store again. Thread-safe.
 */
public final class LiveCustomers {
    private final BoundedLru<Profile> byId;

    public LiveCustomers(int capacity) {
        this.byId = new BoundedLru<>(capacity);
    }

    /** Remembers a customer profile (its id the store's key) written or read at live-event sequence {@code seq}. */
    public void put(Customer customer, long seq) {
        put(customer.id(), customer.segments(), seq);
    }

    /** Remembers the segments of the customer stored under {@code key}. */
    public void put(String key, List<String> segments, long seq) {
        byId.put(key, new Profile(segments, seq));
    }

    /** Forgets a customer at once (erasure); whether a profile was held. */
    public boolean remove(String key) {
        return byId.remove(key);
    }

    public Optional<Profile> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    /** Forgets profiles written before {@code watermark}, which the newer models include. */
    public void pruneBefore(long watermark) {
        byId.removeIf((k, p) -> p.seq() < watermark);
    }

    /**
     * What serving needs of a profile.
     *
     * @param segments segment names
     * @param seq live-event sequence number when it was written
     */
    public record Profile(List<String> segments, long seq) {
        public Profile {
            segments = List.copyOf(segments);
        }
    }
}
