// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.registry;

import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.core.data.Snapshot;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.train.SequenceTrainer;
import java.util.Objects;

/**
 * A spec-built sequential trainer with {@code textinit} set: the item vectors depend on the snapshot trained on
 * (one row per item), so they are fetched from the {@link ItemVectorSource} when training starts, not when the
 * spec is read.
 *
 * @param trainer the configured trainer, without item init
 * @param model the text model's name, as the spec gave it
 * @param source the item vectors
 */
record TextInitTrainer(SequenceTrainer<?> trainer, String model, ItemVectorSource source)
        implements ListenableTrainer<SequentialModel> {
    TextInitTrainer {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public SequentialModel train(Snapshot training) {
        return trainer.withItemInit(source.itemInit(training, model)).train(training);
    }

    @Override
    public TextInitTrainer withListener(EpochListener listener) {
        return new TextInitTrainer(trainer.withListener(listener), model, source);
    }
}
