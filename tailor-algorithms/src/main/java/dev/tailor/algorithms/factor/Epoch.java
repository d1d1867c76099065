// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.factor;

/**
 * Progress of an iterative trainer after one epoch (an ALS iteration, an SGD pass).
 *
 * @param algorithm registry name of the trainer ("als")
 * @param epoch 1-based number of the epoch just finished
 * @param epochs total epochs configured
 * @param metric what {@code value} measures, e.g. "loss" (ALS objective), "bpr-loss" (mean -ln sigmoid),
 *     "rmse" (training RMSE)
 * @param value the measurement; finite (a non-finite value stops training before it is reported)
 * @param nanos wall time of the epoch, loss computation included
 */
public record Epoch(String algorithm, int epoch, int epochs, String metric, double value, long nanos) {
    public double seconds() {
        return nanos / 1e9;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s epoch %d/%d: %s=%.6g (%.3f s)", algorithm, epoch, epochs,
                metric, value, seconds());
    }
}
