// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.split;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import java.util.Optional;

/**
 * Per-event part codes (one byte per event of the source interactions) and the step that turns them into a
 * {@link Split}. Splitters only decide codes; building snapshots is shared so that every split is disjoint by
 * construction.
 */
final class Assignment {
    static final byte TRAIN = 0;
    static final byte VALIDATION = 1;
    static final byte TEST = 2;
    static final byte DROPPED = 3;

    private Assignment() {
    }

    static Split build(Snapshot source, byte[] part, String description) {
        Interactions in = source.interactions();
        boolean anyValidation = false;
        for (byte p : part) {
            if (p == VALIDATION) {
                anyValidation = true;
                break;
            }
        }
        String base = source.name();
        Snapshot train = source.withInteractions(base + "#train", in.filter((u, k) -> part[k] == TRAIN));
        Snapshot test = source.withInteractions(base + "#test", in.filter((u, k) -> part[k] == TEST));
        Optional<Snapshot> valid = anyValidation
                ? Optional.of(source.withInteractions(base + "#valid", in.filter((u, k) -> part[k] == VALIDATION)))
                : Optional.empty();
        return new Split(train, valid, test, description);
    }

    /**
     * Moves a fraction of each user's TRAIN events (chosen at random with the user's own generator, so results
     * do not depend on other users) to VALIDATION, RecBole-style: floor(fraction * n) events, at least one when
     * the user has two or more training events and the fraction is positive.
     */
    static void carveValidation(Interactions in, byte[] part, double fraction, long seed) {
        if (fraction <= 0) {
            return;
        }
        int[] idx = new int[16];
        for (int u = 0; u < in.numUsers(); u++) {
            int n = 0;
            for (int k = in.start(u); k < in.end(u); k++) {
                if (part[k] == TRAIN) {
                    if (n == idx.length) {
                        idx = java.util.Arrays.copyOf(idx, n * 2);
                    }
                    idx[n++] = k;
                }
            }
            if (n < 2) {
                continue;
            }
            int take = Math.max(1, (int) (fraction * n));
            take = Math.min(take, n - 1);
            Shuffle.shuffle(idx, n, Shuffle.userRandom(seed ^ 0x5DEECE66DL, u));
            for (int j = 0; j < take; j++) {
                part[idx[j]] = VALIDATION;
            }
        }
    }
}
