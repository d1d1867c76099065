// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.debias;

/**
 * An off-policy estimate of a policy's expected reward per impression, with a normal 95% interval.
 *
 * @param value the estimate
 * @param low lower end of the 95% interval
 * @param high upper end
 * @param n impressions used
 * @param effectiveSampleSize (Σw)² / Σw² of the importance weights: how many on-policy impressions the log is
 *     worth; far below n means a few heavily weighted impressions carry the estimate
 */
public record Estimate(double value, double low, double high, int n, double effectiveSampleSize) {
    public boolean covers(double truth) {
        return low <= truth && truth <= high;
    }
}
