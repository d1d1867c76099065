// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.gru;

import dev.tailor.sequential.model.SequenceEncoder;
import dev.tailor.sequential.train.ItemInit;
import dev.tailor.sequential.train.SequenceTrainer;
import dev.tailor.sequential.train.TrainingLoop;
import java.util.Optional;

/**
 * Trains a GRU4Rec-style model with the same loss, loop, validation and early stopping as SASRec
 * ({@link SequenceTrainer}).
 */
public final class GruTrainer extends SequenceTrainer<GruTrainer> {
    private final GruConfig config;

    public GruTrainer(GruConfig config) {
        this(config, TrainingLoop.EpochListener.NONE);
    }

    public GruTrainer(GruConfig config, TrainingLoop.EpochListener listener) {
        this(config, listener, Optional.empty());
    }

    private GruTrainer(GruConfig config, TrainingLoop.EpochListener listener, Optional<ItemInit> itemInit) {
        super(GruEncoder.KIND, config.train(), listener, itemInit);
        this.config = config;
    }

    public GruConfig config() {
        return config;
    }

    @Override
    protected GruTrainer copy(TrainingLoop.EpochListener listener, Optional<ItemInit> itemInit) {
        return new GruTrainer(config, listener, itemInit);
    }

    @Override
    protected SequenceEncoder encoder(int items) {
        return new GruEncoder(items, config.dim(), config.train().maxLength(), config.dropout());
    }
}
