// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.train;

import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.core.data.Snapshot;
import dev.tailor.sequential.model.SequenceEncoder;
import dev.tailor.sequential.model.SequentialModel;
import java.util.Objects;
import java.util.Optional;

/**
 * What the next-item trainers share: one {@link TrainingLoop} (softmax cross-entropy, validation, early stopping
 * on NDCG@10), epoch reports for learning curves ({@link EpochReports}) and an optional {@link ItemInit}; a
 * subclass supplies only its encoder. {@link #train(Snapshot)} holds out the last training item of a sample of
 * users for validation (see {@link TrainingLoop#train}); {@link #train(Snapshot, Snapshot)} validates on a given
 * part (the leave-one-out protocol's second-last items).
 *
 * @param <T> the subclass, so that {@link #withItemInit} and {@link #withListener} keep its type
 */
public abstract class SequenceTrainer<T extends SequenceTrainer<T>> implements ListenableTrainer<SequentialModel> {
    private final String kind;
    private final TrainConfig train;
    private final TrainingLoop.EpochListener listener;
    private final Optional<ItemInit> itemInit;

    protected SequenceTrainer(String kind, TrainConfig train, TrainingLoop.EpochListener listener,
            Optional<ItemInit> itemInit) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.train = Objects.requireNonNull(train, "train");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.itemInit = Objects.requireNonNull(itemInit, "itemInit");
    }

    /** The same trainer with another listener and item init. */
    protected abstract T copy(TrainingLoop.EpochListener newListener, Optional<ItemInit> newItemInit);

    /** A fresh, untrained encoder for {@code items} items. */
    protected abstract SequenceEncoder encoder(int items);

    /**
     * This trainer with item embeddings started from {@code init} (e.g. language-model vectors of the item
     * texts; see {@link ItemInit}) instead of at random; it must have one row per item of the snapshot trained
     * on. Everything else stays randomly initialized.
     */
    public T withItemInit(ItemInit init) {
        return copy(listener, Optional.of(Objects.requireNonNull(init, "init")));
    }

    public Optional<ItemInit> itemInit() {
        return itemInit;
    }

    @Override
    public T withListener(EpochListener to) {
        return copy(EpochReports.to(kind, train.maxEpochs(), to), itemInit);
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
        return new TrainingLoop(encoder(training.numItems()), train, listener, itemInit);
    }
}
