// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.factor;

import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.Trainer;

/**
 * An iterative trainer that reports each epoch to an {@link EpochListener}, so a caller holding only a
 * {@link Trainer} (a parsed spec, a hybrid's component) can ask for learning curves without knowing its type.
 */
public interface ListenableTrainer<M extends RecommenderModel> extends Trainer<M> {
    /** The same trainer, reporting to {@code listener} instead (not in addition). */
    ListenableTrainer<M> withListener(EpochListener listener);
}
