// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.model;

import dev.tailor.core.model.TopK;
import java.util.Arrays;

/**
 * A precomputed ranking in catalog index space, best first: the popular, trending and promotion lists that
 * requests walk instead of scoring the whole catalog. Immutable.
 */
public final class RankedList {
    static final RankedList EMPTY = new RankedList(new int[0], new float[0]);

    private final int[] items;
    private final float[] scores;

    RankedList(int[] items, float[] scores) {
        if (items.length != scores.length) {
            throw new IllegalArgumentException("items and scores differ in length");
        }
        this.items = items;
        this.scores = scores;
    }

    /**
     * The {@code limit} best positive-scored entries of {@code snapshotScores}, translated to catalog indices;
     * snapshot items without a catalog index are left out.
     */
    static RankedList top(float[] snapshotScores, int[] toCatalog, int limit) {
        if (snapshotScores.length == 0 || limit <= 0) {
            return EMPTY;
        }
        float[] s = snapshotScores.clone();
        for (int i = 0; i < s.length; i++) {
            if (!(s[i] > 0f) || toCatalog[i] < 0) {
                s[i] = Float.NEGATIVE_INFINITY;
            }
        }
        int[] best = TopK.select(s, limit, null);
        int[] items = new int[best.length];
        float[] scores = new float[best.length];
        for (int j = 0; j < best.length; j++) {
            items[j] = toCatalog[best[j]];
            scores[j] = snapshotScores[best[j]];
        }
        return new RankedList(items, scores);
    }

    public int size() {
        return items.length;
    }

    public int item(int rank) {
        return items[rank];
    }

    public float score(int rank) {
        return scores[rank];
    }

    /** The best score, 0 for an empty list (for normalizing to [0, 1]). */
    public float maxScore() {
        return items.length == 0 ? 0f : scores[0];
    }

    // The arrays themselves, for ModelSetCodec; not to be modified.
    int[] itemArray() {
        return items;
    }

    float[] scoreArray() {
        return scores;
    }

    public int[] items() {
        return Arrays.copyOf(items, items.length);
    }
}
