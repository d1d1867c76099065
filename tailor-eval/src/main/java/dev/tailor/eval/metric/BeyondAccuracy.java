// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.metric;

import dev.tailor.core.data.CsrMatrix;

/**
 * Per-user beyond-accuracy kernels over one ranked list, with the item statistics they need taken from the
 * training data once. See {@link Metric} for the definitions. Immutable and thread-safe.
 */
public final class BeyondAccuracy {
    private final int[] trainUsers;
    private final double[] selfInformation;
    private final int[] category;

    /**
     * @param trainUsers distinct training users per item
     * @param category category key per item (-1 = none), or an empty array when the data has no categories
     */
    public BeyondAccuracy(int[] trainUsers, int[] category) {
        this.trainUsers = trainUsers.clone();
        this.category = category.clone();
        long pairs = 0;
        for (int c : trainUsers) {
            pairs += c;
        }
        this.selfInformation = new double[trainUsers.length];
        double log2 = Math.log(2);
        for (int i = 0; i < trainUsers.length; i++) {
            double p = Math.max(trainUsers[i], 1) / (double) Math.max(pairs, 1);
            selfInformation[i] = -Math.log(p) / log2;
        }
    }

    /** From a binary user x item training matrix (its column counts are distinct users per item). */
    public static BeyondAccuracy fromTraining(CsrMatrix userItem, int[] category) {
        return new BeyondAccuracy(userItem.columnCounts(), category);
    }

    public boolean hasCategories() {
        for (int c : category) {
            if (c >= 0) {
                return true;
            }
        }
        return false;
    }

    public int trainUsers(int item) {
        return trainUsers[item];
    }

    public double selfInformation(int item) {
        return selfInformation[item];
    }

    /** Mean self-information of list[0, min(k, length)); NaN for an empty list. */
    public double novelty(int[] list, int offset, int length, int k) {
        int n = Math.min(k, length);
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += selfInformation[list[offset + j]];
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Mean training popularity (distinct users) of list[0, min(k, length)); NaN for an empty list. */
    public double popularity(int[] list, int offset, int length, int k) {
        int n = Math.min(k, length);
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += trainUsers[list[offset + j]];
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /**
     * Share of pairs in list[0, min(k, length)) whose categories differ, over pairs where both items have a
     * category; NaN when there is no such pair or the data has no categories. O(k^2), fine for list lengths.
     */
    public double diversity(int[] list, int offset, int length, int k) {
        if (category.length == 0) {
            return Double.NaN;
        }
        int n = Math.min(k, length);
        long pairs = 0;
        long different = 0;
        for (int a = 0; a < n; a++) {
            int ca = category[list[offset + a]];
            if (ca < 0) {
                continue;
            }
            for (int b = a + 1; b < n; b++) {
                int cb = category[list[offset + b]];
                if (cb < 0) {
                    continue;
                }
                pairs++;
                if (ca != cb) {
                    different++;
                }
            }
        }
        return pairs == 0 ? Double.NaN : (double) different / pairs;
    }
}
