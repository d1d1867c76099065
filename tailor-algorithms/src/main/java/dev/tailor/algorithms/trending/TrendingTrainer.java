// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.trending;

import dev.tailor.algorithms.common.Training;
import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.Trainer;
import java.time.Instant;
import java.util.Objects;

/**
 * One pass over the events: score(i) = sum over events e on i of weight(e) * 2^(-(tRef - t(e)) / halfLife),
 * with tRef the latest event time of the snapshot (not the wall clock: a model trained on last year's data
 * must still rank last year's final week first, and evaluation must be reproducible).
 */
public final class TrendingTrainer implements Trainer<TrendingModel> {
    private final TrendingConfig config;

    public TrendingTrainer(TrendingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public TrendingConfig config() {
        return config;
    }

    @Override
    public TrendingModel train(Snapshot training) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        Training.requireInteractions(training, TrendingConfig.NAME);
        Interactions in = training.interactions();
        EventWeights weights = config.events();
        long reference = Long.MIN_VALUE;
        for (int k = 0; k < in.size(); k++) {
            reference = Math.max(reference, in.time(k));
        }
        double halfLifeMillis = config.halfLife().toMillis();
        double[] score = new double[training.numItems()];
        boolean any = false;
        for (int k = 0; k < in.size(); k++) {
            float w = weights.weight(in.typeOrdinal(k), in.value(k));
            if (w > 0) {
                // exp2 of a non-positive exponent: never overflows; very old events underflow to 0, as they should.
                score[in.item(k)] += w * Math.pow(2, -(reference - in.time(k)) / halfLifeMillis);
                any = true;
            }
        }
        if (!any) {
            throw new ValidationException(new Problem(training.name(), 0, "events", "no event has a positive "
                    + "weight under the configured event weights; trending has nothing to count"));
        }
        float[] f = new float[score.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) score[i];
        }
        return new TrendingModel(f, reference,
                Training.provenance(TrendingConfig.NAME, config.toParams(), 0, training, start, t0));
    }
}
