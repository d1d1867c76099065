// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.model;

/**
 * A trained, immutable model that scores items for a user on dense indices. Higher is better; only the order
 * of scores within one call is meaningful. Implementations must be thread-safe (evaluation and serving score
 * many users in parallel) and must not allocate per call beyond small constant buffers where avoidable.
 */
public interface RecommenderModel {
    /** Short identifier, e.g. "pop" or "item-knn". */
    String name();

    /** Number of items it scores; dense item indices are [0, itemCount). */
    int itemCount();

    /**
     * Scores every item for the user; {@code out.length == itemCount()}. Items the user already interacted
     * with are scored like any other: excluding them is the caller's decision ({@link TopK}).
     */
    void scoreAll(UserContext user, float[] out);

    /** Scores the given candidates; {@code out[i]} is the score of {@code items[i]}. */
    default void score(UserContext user, int[] items, float[] out) {
        float[] all = new float[itemCount()];
        scoreAll(user, all);
        for (int i = 0; i < items.length; i++) {
            out[i] = all[items[i]];
        }
    }

    /** How it was made: data, configuration, seed, time. */
    Provenance provenance();
}
