// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.hybrid;

import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.Trainer;

/** Steps the hybrid trainers share. */
final class HybridTraining {
    private HybridTraining() {
    }

    /** The component trainer reporting to {@code listener} when it is iterative, else unchanged. */
    static Trainer<? extends RecommenderModel> listen(Trainer<? extends RecommenderModel> t, EpochListener listener) {
        return t instanceof ListenableTrainer<? extends RecommenderModel> l ? l.withListener(listener) : t;
    }
}
