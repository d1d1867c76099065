// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.hybrid;

import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.Training;
import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.Trainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains each component on the same snapshot and blends them ({@link BlendModel}). Iterative components report
 * their epochs to the listener, each under its own algorithm name.
 */
public final class BlendTrainer implements ListenableTrainer<BlendModel> {
    private final List<Trainer<? extends RecommenderModel>> components;
    private final float[] weights;
    private final ScoreNormalization normalization;
    private final String description;

    /**
     * @param weights one per component, finite and >= 0, at least one > 0
     * @param description the canonical spec, recorded in the provenance
     */
    public BlendTrainer(List<Trainer<? extends RecommenderModel>> components, float[] weights,
            ScoreNormalization normalization, String description) {
        if (components.isEmpty() || components.size() != weights.length) {
            throw new IllegalArgumentException(components.size() + " components but " + weights.length + " weights");
        }
        float total = 0;
        for (float w : weights) {
            if (!(w >= 0) || Float.isInfinite(w)) {
                throw new IllegalArgumentException("blend weights must be finite and >= 0, got " + w);
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("at least one blend weight must be > 0");
        }
        this.components = List.copyOf(components);
        this.weights = weights.clone();
        this.normalization = normalization;
        this.description = description;
    }

    @Override
    public BlendTrainer withListener(EpochListener listener) {
        List<Trainer<? extends RecommenderModel>> l = new ArrayList<>();
        components.forEach(t -> l.add(HybridTraining.listen(t, listener)));
        return new BlendTrainer(l, weights, normalization, description);
    }

    @Override
    public BlendModel train(Snapshot training) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        List<RecommenderModel> models = new ArrayList<>();
        for (Trainer<? extends RecommenderModel> t : components) {
            models.add(t.train(training));
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("spec", description);
        config.put("norm", normalization.spec());
        for (int c = 0; c < weights.length; c++) {
            config.put("w" + c, Param.formatReal(weights[c]));
        }
        return new BlendModel(models, weights, normalization, Training.provenance(BlendModel.NAME, config, 0,
                training, start, t0));
    }
}
