// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.itemknn;

import dev.tailor.algorithms.common.Training;
import dev.tailor.algorithms.similarity.FeatureWeighting;
import dev.tailor.algorithms.similarity.NeighbourSearch;
import dev.tailor.algorithms.similarity.Neighbours;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.Trainer;
import java.time.Instant;
import java.util.Objects;

/**
 * Builds the item x user matrix (optionally TF-IDF/BM25 weighted), finds each item's k most similar items
 * with {@link NeighbourSearch} and applies the exponent and row normalization.
 */
public final class ItemKnnTrainer implements Trainer<ItemKnnModel> {
    private final ItemKnnConfig config;

    public ItemKnnTrainer(ItemKnnConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public ItemKnnConfig config() {
        return config;
    }

    @Override
    public ItemKnnModel train(Snapshot training) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        CsrMatrix userItem = Training.matrix(training, config.events(), ItemKnnConfig.NAME);
        CsrMatrix itemUser = userItem.transpose();
        FeatureWeighting weighting = FeatureWeighting.fit(itemUser, config.weighting(), config.bm25K1(),
                config.bm25B());
        Neighbours neighbours = NeighbourSearch.topK(weighting.apply(itemUser), config.measure(), config.k(),
                config.threads()).transformed(config.exponent(), config.normalize());
        float[] fallback = Training.fallbackScores(Training.userCounts(userItem));
        return new ItemKnnModel(neighbours, fallback, config.recency(),
                Training.provenance(ItemKnnConfig.NAME, config.toParams(), 0, training, start, t0));
    }
}
