// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.userknn;

import dev.tailor.algorithms.common.Training;
import dev.tailor.algorithms.similarity.FeatureWeighting;
import dev.tailor.algorithms.similarity.NeighbourSearch;
import dev.tailor.algorithms.similarity.Neighbours;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.Trainer;
import java.time.Instant;
import java.util.Objects;

/** Finds every user's k most similar users with {@link NeighbourSearch} over the (weighted) user x item rows. */
public final class UserKnnTrainer implements Trainer<UserKnnModel> {
    private final UserKnnConfig config;

    public UserKnnTrainer(UserKnnConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public UserKnnConfig config() {
        return config;
    }

    @Override
    public UserKnnModel train(Snapshot training) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        CsrMatrix userItem = Training.matrix(training, config.events(), UserKnnConfig.NAME);
        FeatureWeighting weighting = FeatureWeighting.fit(userItem, config.weighting(), config.bm25K1(),
                config.bm25B());
        CsrMatrix weighted = weighting.apply(userItem);
        Neighbours neighbours = NeighbourSearch.topK(weighted, config.measure(), config.k(), config.threads());
        float[] fallback = Training.fallbackScores(Training.userCounts(userItem));
        return new UserKnnModel(userItem, weighting, weighted, neighbours, config.measure(), config.k(),
                config.foldIn(), fallback,
                Training.provenance(UserKnnConfig.NAME, config.toParams(), 0, training, start, t0));
    }
}
