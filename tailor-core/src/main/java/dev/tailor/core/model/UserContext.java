// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.model;

/**
 * What is known about the user being scored: their dense index (-1 for a visitor unknown at training time)
 * and their interactions in time order, oldest first. Evaluation fills it from the training split; serving
 * fills it from the store plus events posted seconds ago, which is how models react without retraining.
 *
 * @param user dense user index in the training snapshot, or -1
 * @param items dense item indices, time-ordered (may repeat)
 * @param weights one weight per entry of {@code items} (event-type weight), same length
 * @param segments segment indices of the user (see {@code UserFeatures#segments()}), may be empty
 */
public record UserContext(int user, int[] items, float[] weights, int[] segments) {
    private static final int[] NONE = new int[0];

    public UserContext {
        if (items.length != weights.length) {
            throw new IllegalArgumentException("items and weights differ in length");
        }
    }

    public static UserContext of(int user, int[] items) {
        float[] w = new float[items.length];
        java.util.Arrays.fill(w, 1f);
        return new UserContext(user, items, w, NONE);
    }

    public static UserContext anonymous() {
        return new UserContext(-1, NONE, new float[0], NONE);
    }

    public int historyLength() {
        return items.length;
    }
}
