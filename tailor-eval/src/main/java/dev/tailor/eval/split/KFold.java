// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.split;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;

/**
 * k-fold cross-validation over each user's events: a user's events are shuffled with the user's own generator
 * and the j-th event of the shuffled order belongs to fold j mod k, so every user contributes to every fold it
 * can (a user with fewer than k events is absent from some test folds). Fold {@code fold} is test; the others
 * train, optionally with a random fraction of each user's training events carved out as validation. Running
 * folds 0..k-1 with one seed covers every event exactly once as test.
 *
 * @param k number of folds, >= 2
 * @param fold the test fold, in [0, k)
 * @param seed shuffle seed
 * @param validation fraction of each user's training events moved to validation, in [0, 1)
 */
public record KFold(int k, int fold, long seed, double validation) implements Splitter {
    public KFold {
        if (k < 2) {
            throw ValidationException.of("k", "expected k >= 2, got " + k);
        }
        if (fold < 0 || fold >= k) {
            throw ValidationException.of("fold", "expected a fold in [0, " + (k - 1) + "], got " + fold);
        }
        if (!(validation >= 0 && validation < 1)) {
            throw ValidationException.of("valid", "expected a fraction in [0, 1), got " + validation);
        }
    }

    @Override
    public Split split(Snapshot data) {
        Interactions in = data.interactions();
        byte[] part = new byte[in.size()];
        int[] idx = new int[16];
        for (int u = 0; u < in.numUsers(); u++) {
            int s = in.start(u);
            int n = in.end(u) - s;
            if (idx.length < n) {
                idx = new int[Math.max(n, idx.length * 2)];
            }
            for (int j = 0; j < n; j++) {
                idx[j] = s + j;
            }
            Shuffle.shuffle(idx, n, Shuffle.userRandom(seed, u));
            for (int j = 0; j < n; j++) {
                part[idx[j]] = j % k == fold ? Assignment.TEST : Assignment.TRAIN;
            }
        }
        Assignment.carveValidation(in, part, validation, seed);
        return Assignment.build(data, part, spec());
    }

    @Override
    public String spec() {
        return "kfold:k=" + k + ",fold=" + fold + ",seed=" + seed
                + (validation > 0 ? ",valid=" + RatioHoldout.fmt(validation) : "");
    }
}
