// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.hybrid;

import dev.tailor.algorithms.common.Training;
import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.Trainer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains the cold and the warm model on the same snapshot and counts each item's training users (any event of
 * positive default weight) for {@link SwitchModel}'s item threshold.
 */
public final class SwitchTrainer implements ListenableTrainer<SwitchModel> {
    private final Trainer<? extends RecommenderModel> cold;
    private final Trainer<? extends RecommenderModel> warm;
    private final int minUserEvents;
    private final int minItemEvents;
    private final ScoreNormalization normalization;
    private final String description;

    /**
     * @param minUserEvents users with fewer usable history entries get the cold model only
     * @param minItemEvents items with fewer training users are scored by the cold model; 0 never switches items
     * @param description the canonical spec, recorded in the provenance
     */
    public SwitchTrainer(Trainer<? extends RecommenderModel> cold, Trainer<? extends RecommenderModel> warm,
            int minUserEvents, int minItemEvents, ScoreNormalization normalization, String description) {
        if (minUserEvents < 0 || minItemEvents < 0) {
            throw new IllegalArgumentException("switch thresholds must be >= 0, got " + minUserEvents + " and "
                    + minItemEvents);
        }
        this.cold = cold;
        this.warm = warm;
        this.minUserEvents = minUserEvents;
        this.minItemEvents = minItemEvents;
        this.normalization = normalization;
        this.description = description;
    }

    @Override
    public SwitchTrainer withListener(EpochListener listener) {
        return new SwitchTrainer(HybridTraining.listen(cold, listener), HybridTraining.listen(warm, listener),
                minUserEvents, minItemEvents, normalization, description);
    }

    @Override
    public SwitchModel train(Snapshot training) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        CsrMatrix m = Training.matrix(training, EventWeights.DEFAULT, SwitchModel.NAME);
        int[] itemUsers = m.columnCounts();
        RecommenderModel coldModel = cold.train(training);
        RecommenderModel warmModel = warm.train(training);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("spec", description);
        config.put("min-user-events", Integer.toString(minUserEvents));
        config.put("min-item-events", Integer.toString(minItemEvents));
        config.put("norm", normalization.spec());
        return new SwitchModel(coldModel, warmModel, minUserEvents, minItemEvents, itemUsers, normalization,
                Training.provenance(SwitchModel.NAME, config, 0, training, start, t0));
    }
}
