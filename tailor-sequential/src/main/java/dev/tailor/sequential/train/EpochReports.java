// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.train;

import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.factor.EpochListener;
import java.util.Objects;

/**
 * Turns the training loop's per-epoch statistics into the {@link Epoch} reports that the registry's iterative
 * trainers give, so learning curves ({@code tailor evaluate}'s {@code curves.csv} and plots) treat sequential
 * models like ALS or BPR. Each epoch gives two reports, one per curve: {@value #LOSS} (mean cross-entropy per
 * training position) and {@value #VALID_NDCG} (validation NDCG@10, only when the run validates). Both carry the
 * epoch's full wall time, so each curve's seconds per epoch is the training's. Non-finite values are not
 * reported ({@link Epoch} promises finite values; the loop stops on a non-finite loss).
 */
public final class EpochReports {
    /** Metric name of the training loss curve. */
    public static final String LOSS = "ce-loss";
    /** Metric name of the validation curve. */
    public static final String VALID_NDCG = "valid-ndcg@10";

    private EpochReports() {
    }

    /** A loop listener that reports every epoch of {@code algorithm} (at most {@code maxEpochs}) to {@code to}. */
    public static TrainingLoop.EpochListener to(String algorithm, int maxEpochs, EpochListener to) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(to, "to");
        return stats -> {
            long nanos = Math.round(stats.wallSeconds() * 1e9);
            if (Double.isFinite(stats.trainLoss())) {
                to.onEpoch(new Epoch(algorithm, stats.epoch(), maxEpochs, LOSS, stats.trainLoss(), nanos));
            }
            if (Double.isFinite(stats.validNdcg10())) {
                to.onEpoch(new Epoch(algorithm, stats.epoch(), maxEpochs, VALID_NDCG, stats.validNdcg10(), nanos));
            }
        };
    }

}
