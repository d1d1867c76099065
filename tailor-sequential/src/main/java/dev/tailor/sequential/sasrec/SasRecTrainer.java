// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.sasrec;

import dev.tailor.sequential.model.SequenceEncoder;
import dev.tailor.sequential.train.ItemInit;
import dev.tailor.sequential.train.SequenceTrainer;
import dev.tailor.sequential.train.TrainingLoop;
import java.util.Optional;

/**
 * Trains a SASRec-style model with softmax cross-entropy (full or sampled) and early stopping on validation
 * NDCG@10; the loop, validation and epoch reports are {@link SequenceTrainer}'s.
 */
public final class SasRecTrainer extends SequenceTrainer<SasRecTrainer> {
    private final SasRecConfig config;

    public SasRecTrainer(SasRecConfig config) {
        this(config, TrainingLoop.EpochListener.NONE);
    }

    public SasRecTrainer(SasRecConfig config, TrainingLoop.EpochListener listener) {
        this(config, listener, Optional.empty());
    }

    private SasRecTrainer(SasRecConfig config, TrainingLoop.EpochListener listener, Optional<ItemInit> itemInit) {
        super(SasRecEncoder.KIND, config.train(), listener, itemInit);
        this.config = config;
    }

    public SasRecConfig config() {
        return config;
    }

    @Override
    protected SasRecTrainer copy(TrainingLoop.EpochListener listener, Optional<ItemInit> itemInit) {
        return new SasRecTrainer(config, listener, itemInit);
    }

    @Override
    protected SequenceEncoder encoder(int items) {
        return new SasRecEncoder(items, config.dim(), config.train().maxLength(), config.blocks(), config.heads(),
                config.dropout());
    }
}
