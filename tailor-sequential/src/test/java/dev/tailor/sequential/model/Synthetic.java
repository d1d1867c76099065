// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.model;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import java.util.SplittableRandom;

/** Synthetic sequence data with a planted deterministic pattern, for tests. */
public final class Synthetic {
    private Synthetic() {
    }

    /** The planted successor of item i among {@code items}: a fixed permutation without fixed points. */
    public static int successor(int i, int items) {
        return (i * 7 + 3) % items;
    }

    /**
     * {@code users} sequences of 5..12 purchases over {@code items} items (ids "i0".."i{n-1}", added in index
     * order so dense index = number): a random start, then each item is always followed by its successor.
     */
    public static Snapshot chains(int users, int items, long seed) {
        SnapshotBuilder b = new SnapshotBuilder("synthetic-chains");
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < items; i++) {
            // Register every item first so dense indices follow the numbers.
            b.addEvent("warmup", "i" + i, EventType.IMPRESSION.ordinal(), 1f, 0L);
        }
        for (int u = 0; u < users; u++) {
            int len = 5 + r.nextInt(8);
            int item = r.nextInt(items);
            for (int t = 0; t < len; t++) {
                b.addEvent("u" + u, "i" + item, EventType.PURCHASE.ordinal(), 1f, 1000L * (t + 1));
                item = successor(item, items);
            }
        }
        return b.build();
    }
}
