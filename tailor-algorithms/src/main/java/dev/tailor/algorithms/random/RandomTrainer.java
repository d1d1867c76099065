// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.random;

import dev.tailor.algorithms.common.Training;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.Trainer;
import java.time.Instant;
import java.util.Objects;

/** "Trains" the random baseline: it only records the catalog size and provenance. */
public final class RandomTrainer implements Trainer<RandomModel> {
    private final RandomConfig config;

    public RandomTrainer(RandomConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public RandomConfig config() {
        return config;
    }

    @Override
    public RandomModel train(Snapshot training) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        Training.requireInteractions(training, RandomConfig.NAME);
        return new RandomModel(training.numItems(), config.seed(),
                Training.provenance(RandomConfig.NAME, config.toParams(), config.seed(), training, start, t0));
    }
}
