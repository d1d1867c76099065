// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.debias;

import dev.tailor.core.error.ValidationException;

/**
 * Propensities for logs that did not record them. Estimated propensities make IPS consistent only if the
 * estimate is: the empirical one here assumes a context-free logging policy (the same item distribution for
 * every user, e.g. a popularity or editorial slot); a personalized logging policy needs a model of its own.
 */
public final class Propensities {
    private Propensities() {
    }

    /**
     * p̂(i) = impressions of i / all impressions: the maximum-likelihood estimate of a context-free logging
     * policy's per-slot distribution.
     */
    public static double[] empirical(int[] items, int numItems) {
        if (items.length == 0) {
            throw ValidationException.of("impressions", "cannot estimate propensities from an empty log");
        }
        double[] count = new double[numItems];
        for (int i : items) {
            if (i < 0 || i >= numItems) {
                throw ValidationException.of("item", "item index " + i + " outside [0, " + numItems + ")");
            }
            count[i]++;
        }
        double[] p = new double[items.length];
        for (int j = 0; j < items.length; j++) {
            p[j] = count[items[j]] / items.length;
        }
        return p;
    }
}
