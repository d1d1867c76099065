// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.sasrec;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.Trainer;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.train.TrainingLoop;
import java.util.Optional;

/**
 * Trains a SASRec-style model with softmax cross-entropy (full or sampled) and early stopping on validation
 * NDCG@10. {@link #train(Snapshot)} holds out each user's last training item for validation;
 * {@link #train(Snapshot, Snapshot)} validates on a given part (the leave-one-out protocol's second-last items).
 */
public final class SasRecTrainer implements Trainer<SequentialModel> {
    private final SasRecConfig config;
    private final TrainingLoop.EpochListener listener;

    public SasRecTrainer(SasRecConfig config) {
        this(config, TrainingLoop.EpochListener.NONE);
    }

    public SasRecTrainer(SasRecConfig config, TrainingLoop.EpochListener listener) {
        this.config = config;
        this.listener = listener;
    }

    @Override
    public SequentialModel train(Snapshot training) {
        return loop(training).train(training, Optional.empty());
    }

    /** Trains on {@code training}, validating (and early-stopping) on the first item of each user in it. */
    public SequentialModel train(Snapshot training, Snapshot validation) {
        return loop(training).train(training, Optional.of(validation));
    }

    private TrainingLoop loop(Snapshot training) {
        SasRecEncoder enc = new SasRecEncoder(training.numItems(), config.dim(), config.train().maxLength(),
                config.blocks(), config.heads(), config.dropout());
        return new TrainingLoop(enc, config.train(), listener);
    }
}
