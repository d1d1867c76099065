// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.factor;

import dev.tailor.core.error.TailorException;

/**
 * Stops a trainer the moment its numbers stop being numbers. A NaN model would score every item NaN, which
 * ranks nothing and fails silently far from the cause, so trainers check the loss after every epoch and the
 * factor tables before returning a model.
 */
public final class Divergence {
    private Divergence() {
    }

    /**
     * @param hint what the user can change, e.g. "lower lr or raise reg"
     * @throws TailorException naming the algorithm, the epoch and the hint when {@code value} is NaN or infinite
     */
    public static void checkLoss(String algorithm, int epoch, String metric, double value, String hint) {
        if (!Double.isFinite(value)) {
            throw new TailorException(algorithm + " diverged in epoch " + epoch + ": " + metric + " is " + value
                    + "; " + hint);
        }
    }

    /** @throws TailorException when the table holds a NaN or infinity */
    public static void checkFactors(String algorithm, String table, float[] values, String hint) {
        if (!Vectors.allFinite(values)) {
            throw new TailorException(algorithm + " diverged: the " + table + " contain NaN or infinite values; "
                    + hint);
        }
    }
}
