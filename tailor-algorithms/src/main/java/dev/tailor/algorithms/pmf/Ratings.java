// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.pmf;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.util.Arrays;

/**
 * The explicit ratings of a snapshot as parallel arrays, one entry per rated (user, item) pair. When a user
 * rated an item more than once the latest rating counts: people revise ratings, and the latest is their view.
 *
 * @param users user index of each rating
 * @param items item index of each rating
 * @param values the ratings (stars)
 */
public record Ratings(int numUsers, int numItems, int[] users, int[] items, float[] values) {
    public Ratings {
        if (users.length != items.length || items.length != values.length) {
            throw new IllegalArgumentException("ratings arrays differ in length");
        }
    }

    public int size() {
        return values.length;
    }

    /** Mean rating (0 for none). */
    public double mean() {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return values.length == 0 ? 0 : s / values.length;
    }

    /**
     * Collects RATING events.
     *
     * @throws ValidationException when the snapshot has none or a rating is not a finite number
     */
    public static Ratings of(Snapshot snapshot) {
        Interactions in = snapshot.interactions();
        int rating = EventType.RATING.ordinal();
        int n = 0;
        for (int k = 0; k < in.size(); k++) {
            if (in.typeOrdinal(k) == rating) {
                n++;
            }
        }
        if (n == 0) {
            throw new ValidationException(new Problem(snapshot.name(), 0, "events", "pmf learns from explicit"
                    + " ratings, but none of the snapshot's " + in.size() + " events is a rating; use als, bpr"
                    + " or ease for implicit feedback"));
        }
        int[] us = new int[n];
        int[] is = new int[n];
        float[] vs = new float[n];
        // Latest rating per (user, item): walk each user's events newest first and keep an item's first hit.
        int[] seenBy = new int[snapshot.numItems()];
        Arrays.fill(seenBy, -1);
        int m = 0;
        for (int u = 0; u < in.numUsers(); u++) {
            for (int k = in.end(u) - 1; k >= in.start(u); k--) {
                if (in.typeOrdinal(k) != rating || seenBy[in.item(k)] == u) {
                    continue;
                }
                float v = in.value(k);
                if (!Float.isFinite(v)) {
                    throw new ValidationException(new Problem(snapshot.name(), 0, "value", "rating of user '"
                            + snapshot.users().id(u) + "' for item '" + snapshot.items().id(in.item(k))
                            + "' is " + v + "; ratings must be finite numbers"));
                }
                seenBy[in.item(k)] = u;
                us[m] = u;
                is[m] = in.item(k);
                vs[m] = v;
                m++;
            }
        }
        return new Ratings(snapshot.numUsers(), snapshot.numItems(), Arrays.copyOf(us, m), Arrays.copyOf(is, m),
                Arrays.copyOf(vs, m));
    }
}
