// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.server.model.ServingModel;
import dev.tailor.server.pipeline.CandidateSource;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.HistoryWeights;
import dev.tailor.server.pipeline.RecommendationContext;
import dev.tailor.server.pipeline.Shopper;

/**
 * Candidates from any registry model in the model set's extra models (found by label at request time, so a
 * newly trained set with the model serves it without a restart). The history handed to the model includes the
 * live events.
 */
final class ModelSource implements CandidateSource {
    private final String label;
    private final float weight;

    ModelSource(String label, float weight) {
        this.label = label;
        this.weight = weight;
    }

    @Override
    public String name() {
        return label;
    }

    @Override
    public void collect(RecommendationContext ctx, Candidates out, int source, int limit) {
        ServingModel model = null;
        for (ServingModel m : ctx.models().extraModels()) {
            if (m.label().equals(label)) {
                model = m;
            }
        }
        if (model == null) {
            return;
        }
        Shopper s = ctx.shopper();
        int n = s.historyLength();
        int[] history = new int[n];
        float[] weights = new float[n];
        float decay = 1f;
        for (int e = n - 1; e >= 0; e--, decay *= HistoryWeights.DECAY) {
            history[e] = s.historyItem(e);
            weights[e] = HistoryWeights.weight(s.historyType(e)) * Math.max(decay, 0.05f);
        }
        int want = limit * 2;
        int[] items = new int[want];
        float[] scores = new float[want];
        int got = model.recommend(s.user(), history, weights, n, s.segments(), want, items, scores);
        float max = 0f;
        float min = Float.POSITIVE_INFINITY;
        for (int j = 0; j < got; j++) {
            max = Math.max(max, scores[j]);
            min = Math.min(min, scores[j]);
        }
        // Scores of arbitrary scale and sign: min-max normalize into (0, 1].
        float range = max - min;
        int added = 0;
        for (int j = 0; j < got && added < limit; j++) {
            if (ctx.admissible(items[j])) {
                float norm = range > 0f ? 0.1f + 0.9f * (scores[j] - min) / range : 1f;
                out.add(items[j], weight * norm, source, -1);
                added++;
            }
        }
    }

    @Override
    public boolean itemIndependentReasons() {
        return true;
    }

    @Override
    public String explain(RecommendationContext ctx, int item, int evidence) {
        return "Picked for you by the " + label + " model";
    }
}
