// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.registry;

import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.core.data.Snapshot;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.train.ItemInit;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A spec-built sequential trainer with {@code textinit} set: the item vectors depend on the snapshot trained on
 * (one row per item), so they are fetched from the {@link ItemVectorSource} when training starts, not when the
 * spec is read.
 *
 * @param trainer the configured trainer, without item init
 * @param model the text model's name, as the spec gave it
 * @param source the item vectors
 * @param withInit the trainer with an item init ({@code SasRecTrainer::withItemInit})
 * @param withListener the trainer reporting to a listener ({@code SasRecTrainer::withListener})
 * @param <T> the trainer's type
 */
record TextInitTrainer<T extends ListenableTrainer<SequentialModel>>(T trainer, String model,
        ItemVectorSource source, BiFunction<T, ItemInit, T> withInit, BiFunction<T, EpochListener, T> withListener)
        implements ListenableTrainer<SequentialModel> {
    TextInitTrainer {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(withInit, "withInit");
        Objects.requireNonNull(withListener, "withListener");
    }

    @Override
    public SequentialModel train(Snapshot training) {
        return withInit.apply(trainer, source.itemInit(training, model)).train(training);
    }

    @Override
    public TextInitTrainer<T> withListener(EpochListener listener) {
        return new TextInitTrainer<>(withListener.apply(trainer, listener), model, source, withInit, withListener);
    }
}
