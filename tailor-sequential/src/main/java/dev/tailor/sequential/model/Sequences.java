// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.model;

import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Interactions;
import java.util.Arrays;

/**
 * Turns raw histories into model input. The rules are the documented input behaviour of every sequential
 * model here:
 * <ul>
 *   <li>entries with weight &lt;= 0 (e.g. impressions) are not behaviour and are dropped;</li>
 *   <li>unknown items (index outside [0, itemCount)) are dropped, the rest of the sequence is kept;</li>
 *   <li>with {@code collapseRepeats}, an item repeated back to back (view, then cart, then purchase of the
 *       same product) counts once: the next-item task is about moving on, not re-touching;</li>
 *   <li>only the newest {@code maxLength} entries are kept.</li>
 * </ul>
 * An empty result is possible (empty or all-unknown input); models then fall back to popularity.
 */
public final class Sequences {
    private Sequences() {
    }

    /** Cleans {@code items} (with optional per-entry weights, null = all 1) as described above. */
    public static int[] clean(int[] items, float[] weights, int itemCount, int maxLength, boolean collapseRepeats) {
        int[] out = new int[items.length];
        int n = 0;
        for (int i = 0; i < items.length; i++) {
            int item = items[i];
            if (item < 0 || item >= itemCount || (weights != null && !(weights[i] > 0f))) {
                continue;
            }
            if (collapseRepeats && n > 0 && out[n - 1] == item) {
                continue;
            }
            out[n++] = item;
        }
        int from = Math.max(0, n - maxLength);
        return Arrays.copyOfRange(out, from, n);
    }

    /**
     * Every user's cleaned sequence (not truncated) as a flat array plus pointers; users with no behaviour get
     * an empty range.
     */
    public static Flat of(Interactions in, EventWeights weights, boolean collapseRepeats) {
        int[] ptr = new int[in.numUsers() + 1];
        int[] items = new int[in.size()];
        int n = 0;
        for (int u = 0; u < in.numUsers(); u++) {
            int start = n;
            for (int k = in.start(u); k < in.end(u); k++) {
                if (!(weights.weight(in.typeOrdinal(k), in.value(k)) > 0f)) {
                    continue;
                }
                int item = in.item(k);
                if (collapseRepeats && n > start && items[n - 1] == item) {
                    continue;
                }
                items[n++] = item;
            }
            ptr[u + 1] = n;
        }
        return new Flat(ptr, Arrays.copyOf(items, n));
    }

    /** Per-user sequences: user u's items are {@code items[ptr[u], ptr[u + 1])}, oldest first. */
    public record Flat(int[] ptr, int[] items) {
        public int users() {
            return ptr.length - 1;
        }

        public int length(int user) {
            return ptr[user + 1] - ptr[user];
        }
    }
}
