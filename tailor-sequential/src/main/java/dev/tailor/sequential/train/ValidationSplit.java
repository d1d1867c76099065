// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.train;

import dev.tailor.sequential.model.Sequences;
import java.util.SplittableRandom;

/**
 * Which users validate each epoch, on which item, and how much of every user's sequence training may read.
 * Two sources of validation targets:
 * <ul>
 *   <li>{@link #holdOutLast}: the trainer carves its own. A seeded sample of at most {@code maxUsers} users with
 *       two or more items gives up its last item as the target; only those users lose an item, and they lose it
 *       for the whole run, so training never sees a target it is validated on. Users with one item are never
 *       sampled (their input would be empty).</li>
 *   <li>{@link #given}: a separate validation part (the leave-one-out protocol's second-last items); the
 *       target is each sampled user's first validation item, training reads every training item.</li>
 * </ul>
 * Both samples are a partial Fisher-Yates shuffle of the eligible users in index order with a generator of
 * their own ({@code seed ^ 0x5EED}), so the sample depends on the data and the seed only.
 */
final class ValidationSplit {
    private final int[] trainEnd;
    private final int[] users;
    private final int[] targets;
    private final int size;
    private final boolean separate;

    private ValidationSplit(int[] trainEnd, int[] users, int[] targets, int size, boolean separate) {
        this.trainEnd = trainEnd;
        this.users = users;
        this.targets = targets;
        this.size = size;
        this.separate = separate;
    }

    /** Holds out the last item of at most {@code maxUsers} sampled users with at least two items. */
    static ValidationSplit holdOutLast(Sequences.Flat flat, int maxUsers, long seed) {
        int n = flat.users();
        int[] trainEnd = new int[n];
        System.arraycopy(flat.ptr(), 1, trainEnd, 0, n);
        int[] users = new int[n];
        int[] targets = new int[n];
        int eligible = 0;
        for (int u = 0; u < n; u++) {
            if (flat.length(u) >= 2) {
                users[eligible] = u;
                targets[eligible++] = flat.items()[trainEnd[u] - 1];
            }
        }
        int size = sample(users, targets, eligible, maxUsers, seed);
        for (int s = 0; s < size; s++) {
            trainEnd[users[s]]--;
        }
        return new ValidationSplit(trainEnd, users, targets, size, false);
    }

    /**
     * Validates at most {@code maxUsers} sampled users that have both training items and a validation item, on
     * their first validation item.
     */
    static ValidationSplit given(Sequences.Flat flat, Sequences.Flat validation, int maxUsers, long seed) {
        int n = flat.users();
        int[] trainEnd = new int[n];
        System.arraycopy(flat.ptr(), 1, trainEnd, 0, n);
        int[] users = new int[n];
        int[] targets = new int[n];
        int eligible = 0;
        for (int u = 0; u < n; u++) {
            if (u < validation.users() && validation.length(u) > 0 && flat.length(u) > 0) {
                users[eligible] = u;
                targets[eligible++] = validation.items()[validation.ptr()[u]];
            }
        }
        return new ValidationSplit(trainEnd, users, targets, sample(users, targets, eligible, maxUsers, seed), true);
    }

    private static int sample(int[] users, int[] targets, int n, int maxUsers, long seed) {
        if (n <= maxUsers) {
            return n;
        }
        SplittableRandom r = new SplittableRandom(seed ^ 0x5EEDL);
        for (int i = 0; i < maxUsers; i++) {
            int j = i + r.nextInt(n - i);
            int t = users[i];
            users[i] = users[j];
            users[j] = t;
            t = targets[i];
            targets[i] = targets[j];
            targets[j] = t;
        }
        return maxUsers;
    }

    /** Exclusive end, in the flat item array, of what training may read of user {@code u}'s sequence. */
    int trainEnd(int u) {
        return trainEnd[u];
    }

    /** The array behind {@link #trainEnd(int)}, for the hot loops; not to be modified. */
    int[] trainEnds() {
        return trainEnd;
    }

    /** Number of validation users. */
    int size() {
        return size;
    }

    /** The {@code s}-th validation user, {@code s < size()}. */
    int user(int s) {
        return users[s];
    }

    /** The {@code s}-th validation user's target item. */
    int target(int s) {
        return targets[s];
    }

    /**
     * End of the history masked in validation rankings for validation user {@code u}: everything the model was
     * given as input. With a separate validation part that is the whole training sequence; with a held-out
     * item it is the training range (the target itself stays a candidate).
     */
    int maskEnd(Sequences.Flat flat, int u) {
        return separate ? flat.ptr()[u + 1] : trainEnd[u];
    }
}
