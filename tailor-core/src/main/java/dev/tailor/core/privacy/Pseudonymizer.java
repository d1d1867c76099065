// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy;

/**
 * Turns a shop's customer id into the id Tailor stores and keys its state by. A store applies it to every
 * customer id it writes or looks up, and everything it reads back carries the pseudonym; the server applies
 * the same function (obtained from the store, never configured twice) before it looks a customer up in its
 * in-memory state. Deterministic, so the same customer always maps to the same pseudonym; thread-safe.
 */
public interface Pseudonymizer {
    /** The id to store and key by; the id itself when pseudonymization is off. */
    String pseudonym(String customerId);

    /**
     * A fingerprint of the key(s) in use, stored with the data so that a store opened with another key is
     * refused instead of silently finding nobody; empty when pseudonymization is off.
     */
    String keyId();

    /** Whether ids are actually transformed. */
    default boolean active() {
        return !keyId().isEmpty();
    }

    /** No pseudonymization: ids are stored as the shop sends them. */
    static Pseudonymizer none() {
        return NoopPseudonymizer.INSTANCE;
    }
}
