// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.store;

/**
 * What {@link Store#eraseCustomer} deleted.
 *
 * @param profile whether a customer profile was deleted
 * @param events how many events were deleted
 * @param identity whether an identity mapping (pseudonym to the shop's id) was deleted
 */
public record Erasure(boolean profile, long events, boolean identity) {
    public Erasure {
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0, was " + events);
        }
    }

    /** Whether the store held anything on the customer. */
    public boolean found() {
        return profile || events > 0 || identity;
    }
}
