// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.train;

/**
 * Early stopping on validation NDCG@10: tracks the best epoch and says when {@code patience} epochs have passed
 * without a better one. A tie counts as better, so the later (longer-trained) epoch is kept: on real data ties
 * are rare, on easy data they are a plateau at the top. Without validation every epoch is the best so far (the
 * last epoch's weights are kept) and training never stops early.
 */
final class EarlyStopping {
    private final int patience;
    private final boolean validating;
    private double best = Double.NEGATIVE_INFINITY;
    private int bestEpoch;

    EarlyStopping(int patience, boolean validating) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1, got " + patience);
        }
        this.patience = patience;
        this.validating = validating;
    }

    /**
     * Records epoch {@code epoch}'s validation NDCG@10 (ignored without validation).
     *
     * @return true when this epoch is the best so far, so its weights are the ones to keep
     */
    boolean offer(int epoch, double ndcg) {
        if (!validating || ndcg >= best) {
            best = validating ? ndcg : best;
            bestEpoch = epoch;
            return true;
        }
        return false;
    }

    /** True when the epochs since the best one have used up the patience. */
    boolean shouldStop(int epoch) {
        return validating && epoch - bestEpoch >= patience;
    }

    /** The best epoch so far, 0 before the first. */
    int bestEpoch() {
        return bestEpoch;
    }
}
