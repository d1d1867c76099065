// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.sasrec;

import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.core.data.Snapshot;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.train.EpochReports;
import dev.tailor.sequential.train.ItemInit;
import dev.tailor.sequential.train.TrainingLoop;
import java.util.Objects;
import java.util.Optional;

/**
 * Trains a SASRec-style model with softmax cross-entropy (full or sampled) and early stopping on validation
 * NDCG@10. {@link #train(Snapshot)} holds out the last training item of a sample of users for validation (see
 * {@link TrainingLoop#train}); {@link #train(Snapshot, Snapshot)} validates on a given part (the leave-one-out
 * protocol's second-last items). As a {@link ListenableTrainer} it reports training loss and validation NDCG@10
 * per epoch ({@link EpochReports}).
 */
public final class SasRecTrainer implements ListenableTrainer<SequentialModel> {
    private final SasRecConfig config;
    private final TrainingLoop.EpochListener listener;
    private final Optional<ItemInit> itemInit;

    public SasRecTrainer(SasRecConfig config) {
        this(config, TrainingLoop.EpochListener.NONE);
    }

    public SasRecTrainer(SasRecConfig config, TrainingLoop.EpochListener listener) {
        this(config, listener, Optional.empty());
    }

    private SasRecTrainer(SasRecConfig config, TrainingLoop.EpochListener listener, Optional<ItemInit> itemInit) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.itemInit = Objects.requireNonNull(itemInit, "itemInit");
    }

    /**
     * This trainer with item embeddings started from {@code init} (e.g. language-model vectors of the item
     * texts; see {@link ItemInit}) instead of at random; it must have one row per item of the snapshot trained
     * on. Everything else stays randomly initialized.
     */
    public SasRecTrainer withItemInit(ItemInit init) {
        return new SasRecTrainer(config, listener, Optional.of(Objects.requireNonNull(init, "init")));
    }

    public Optional<ItemInit> itemInit() {
        return itemInit;
    }

    public SasRecConfig config() {
        return config;
    }

    @Override
    public SasRecTrainer withListener(EpochListener to) {
        return new SasRecTrainer(config, EpochReports.to(SasRecEncoder.KIND, config.train().maxEpochs(), to),
                itemInit);
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
        return new TrainingLoop(enc, config.train(), listener, itemInit);
    }
}
