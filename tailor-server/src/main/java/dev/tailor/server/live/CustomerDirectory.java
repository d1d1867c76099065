// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.live;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.store.Store;
import dev.tailor.server.model.ModelSet;
import java.util.List;
import java.util.Optional;

/**
 * Answers "do we know this customer, and in which segments are they?" from the fastest place that knows: the
 * live profiles (written since the models), the models' snapshot, and finally the store (whose answer is then
 * remembered). Thread-safe.
 */
public final class CustomerDirectory {
    private final Store store;
    private final LiveCustomers live;
    private final LiveEvents events;

    public CustomerDirectory(Store store, LiveCustomers live, LiveEvents events) {
        this.store = store;
        this.live = live;
        this.events = events;
    }

    /**
     * The customer's segments when the customer is known.
     *
     * @return empty when nobody knows the id; a present empty list means "known, no live profile: use the
     *     models' segments" only when {@code fromModels} is true
     */
    public Optional<Known> find(String id, ModelSet models) {
        Optional<LiveCustomers.Profile> p = live.find(id);
        if (p.isPresent()) {
            return Optional.of(new Known(p.get().segments(), false));
        }
        if (models.histories().user(id) >= 0) {
            return Optional.of(new Known(List.of(), true));
        }
        Optional<Customer> c = store.findCustomer(id);
        if (c.isPresent()) {
            live.put(c.get(), events.sequence());
            return Optional.of(new Known(c.get().segments(), false));
        }
        return Optional.empty();
    }

    /** Whether the id names a known customer. */
    public boolean exists(String id, ModelSet models) {
        return find(id, models).isPresent();
    }

    /**
     * A known customer.
     *
     * @param segments segment names from a live profile
     * @param fromModels the models' snapshot holds the customer's segments (use them instead)
     */
    public record Known(List<String> segments, boolean fromModels) {
    }
}
