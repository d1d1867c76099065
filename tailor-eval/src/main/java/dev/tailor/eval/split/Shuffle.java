// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.split;

import java.util.SplittableRandom;

/** Seeded shuffles, one generator per user so that a user's split does not depend on any other user. */
final class Shuffle {
    private Shuffle() {
    }

    /** A generator for {@code user} derived from {@code seed} (SplitMix64 finalizer over both). */
    static SplittableRandom userRandom(long seed, int user) {
        long z = seed + 0x9E3779B97F4A7C15L * (user + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    /** Fisher-Yates over {@code a[0, n)}. */
    static void shuffle(int[] a, int n, SplittableRandom r) {
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
