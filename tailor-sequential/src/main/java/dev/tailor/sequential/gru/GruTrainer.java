// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.gru;

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
 * Trains a GRU4Rec-style model with the same loss, loop, validation and early stopping as SASRec (see
 * {@link dev.tailor.sequential.sasrec.SasRecTrainer}).
 */
public final class GruTrainer implements ListenableTrainer<SequentialModel> {
    private final GruConfig config;
    private final TrainingLoop.EpochListener listener;
    private final Optional<ItemInit> itemInit;

    public GruTrainer(GruConfig config) {
        this(config, TrainingLoop.EpochListener.NONE);
    }

    public GruTrainer(GruConfig config, TrainingLoop.EpochListener listener) {
        this(config, listener, Optional.empty());
    }

    private GruTrainer(GruConfig config, TrainingLoop.EpochListener listener, Optional<ItemInit> itemInit) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.itemInit = Objects.requireNonNull(itemInit, "itemInit");
    }

    /**
     * This trainer with item embeddings started from {@code init} (e.g. language-model vectors of the item
     * texts; see {@link ItemInit}) instead of at random; it must have one row per item of the snapshot trained
     * on. Everything else stays randomly initialized.
     */
    public GruTrainer withItemInit(ItemInit init) {
        return new GruTrainer(config, listener, Optional.of(Objects.requireNonNull(init, "init")));
    }

    public Optional<ItemInit> itemInit() {
        return itemInit;
    }

    public GruConfig config() {
        return config;
    }

    @Override
    public GruTrainer withListener(EpochListener to) {
        return new GruTrainer(config, EpochReports.to(GruEncoder.KIND, config.train().maxEpochs(), to),
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
        GruEncoder enc = new GruEncoder(training.numItems(), config.dim(), config.train().maxLength(),
                config.dropout());
        return new TrainingLoop(enc, config.train(), listener, itemInit);
    }
}
