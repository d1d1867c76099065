// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.factor;

import dev.tailor.core.data.CsrMatrix;
import java.util.SplittableRandom;

/** Negative sampling and seed derivation shared by the SGD trainers. */
public final class Sampling {
    /** Negative draws before giving up on a user who has interacted with nearly every item. */
    static final int MAX_NEGATIVE_TRIES = 32;

    private Sampling() {
    }

    /**
     * A uniformly drawn column that row {@code u} of {@code m} does not contain, or -1 when
     * {@value #MAX_NEGATIVE_TRIES} draws all hit the row (a user who has seen nearly the whole catalog).
     */
    public static int negative(CsrMatrix m, int u, SplittableRandom random) {
        int start = m.rowStart(u);
        int end = m.rowEnd(u);
        for (int tries = 0; tries < MAX_NEGATIVE_TRIES; tries++) {
            int j = random.nextInt(m.cols());
            if (!contains(m, start, end, j)) {
                return j;
            }
        }
        return -1;
    }

    /** Binary search of the sorted column indices in [start, end). */
    public static boolean contains(CsrMatrix m, int start, int end, int col) {
        int lo = start;
        int hi = end - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = m.col(mid);
            if (c < col) {
                lo = mid + 1;
            } else if (c > col) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Row index of every stored entry: a uniformly drawn entry then gives a (user, item) pair in O(1). */
    public static int[] rowOfEntries(CsrMatrix m) {
        int[] rowOf = new int[m.nnz()];
        for (int r = 0; r < m.rows(); r++) {
            for (int n = m.rowStart(r); n < m.rowEnd(r); n++) {
                rowOf[n] = r;
            }
        }
        return rowOf;
    }

    /**
     * SplitMix64's finalizer over (a, b): well-spread seeds for each epoch and chunk, so that chunk c of epoch e
     * always draws the same stream whichever thread runs it.
     */
    public static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
