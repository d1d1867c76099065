// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.privacy;

import dev.tailor.server.model.ModelSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Customers erased while a model set trained before their erasure still serves. Such a set holds their history
 * and factors in immutable arrays; rather than rebuild it, serving treats them as unknown until a set trained
 * after the erasure (which cannot contain them: its snapshot was read after the deletion committed) takes over.
 * Keyed by the store's customer key (pseudonym). Thread-safe; entries drop out once a later set serves.
 */
public final class Erasures {
    private final ConcurrentHashMap<String, Long> lastTrainingBefore = new ConcurrentHashMap<>();

    /**
     * Records an erasure that has committed in the store.
     *
     * @param key the customer's key in the store and the models
     * @param latestTraining the version of the newest training begun so far: any set up to it may hold the
     *     customer, any later one was read from the store after the deletion
     */
    public void record(String key, long latestTraining) {
        lastTrainingBefore.merge(key, latestTraining, Math::max);
    }

    /** Whether {@code models} may still hold the erased customer and must not serve from it. */
    public boolean hides(String key, ModelSet models) {
        Long before = lastTrainingBefore.get(key);
        if (before == null) {
            return false;
        }
        if (models.info().version() > before) {
            lastTrainingBefore.remove(key, before);
            return false;
        }
        return true;
    }

    /** Erased customers still hidden from older model sets. */
    public int size() {
        return lastTrainingBefore.size();
    }
}
