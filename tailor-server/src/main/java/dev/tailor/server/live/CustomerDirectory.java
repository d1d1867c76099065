// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.live;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.store.Store;
import dev.tailor.server.model.ModelSet;
import dev.tailor.server.privacy.Erasures;
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
    private final Erasures erasures;

    public CustomerDirectory(Store store, LiveCustomers live, LiveEvents events) {
        this(store, live, events, new Erasures());
    }

    /** A directory for which customers erased since {@code erasures} recorded them do not exist in older models. */
    public CustomerDirectory(Store store, LiveCustomers live, LiveEvents events, Erasures erasures) {
        this.store = store;
        this.live = live;
        this.events = events;
        this.erasures = erasures;
    }

    /**
     * The key the store, the models and the live state know a customer by: the pseudonym when the store
     * pseudonymizes (see {@link Store#pseudonymizer()}), else the id itself.
     */
    public String key(String id) {
        return store.pseudonymizer().pseudonym(id);
    }

    /**
     * Whether the customer is known, and where their segments come from.
     *
     * @return empty when nobody knows the id
     */
    public Optional<Known> find(String id, ModelSet models) {
        String key = key(id);
        Optional<LiveCustomers.Profile> p = live.find(key);
        if (p.isPresent()) {
            return Optional.of(new Known(p.get().segments(), false));
        }
        // An erased customer stays in the model set trained before the erasure; it must not answer for them.
        if (models.histories().user(key) >= 0 && !erasures.hides(key, models)) {
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
