// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.popularity;

import dev.tailor.algorithms.common.Training;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.Trainer;
import java.time.Instant;
import java.util.Objects;

/** Counts each item's users (or event weight) once over the training matrix: O(events). */
public final class PopularityTrainer implements Trainer<PopularityModel> {
    private final PopularityConfig config;

    public PopularityTrainer(PopularityConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public PopularityConfig config() {
        return config;
    }

    @Override
    public PopularityModel train(Snapshot training) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        CsrMatrix m = Training.matrix(training, config.events(), PopularityConfig.NAME);
        float[] counts = config.count().perItem(m);
        return new PopularityModel(counts,
                Training.provenance(PopularityConfig.NAME, config.toParams(), 0, training, start, t0));
    }
}
