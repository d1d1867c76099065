// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.model;

import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;

/**
 * Any registry model (ALS, a language-model scorer, a sequential model, ...) made servable: it scores in its
 * snapshot's index space, so this wrapper translates the customer's history in and the top items out. Plugging a
 * new algorithm into serving needs only its registry entry and a spec in {@link ModelsConfig#extraModels()}.
 * Cost per call: one {@code float[itemCount]} and a full scoring pass, acceptable for models whose
 * {@code scoreAll} is the fast path (factor models); item-to-item tables are served natively instead.
 */
public final class ServingModel {
    private final String label;
    private final RecommenderModel model;
    private final int[] toCatalog;
    private final int[] fromCatalog;

    ServingModel(String label, RecommenderModel model, int[] toCatalog, int[] fromCatalog) {
        this.label = label;
        this.model = model;
        this.toCatalog = toCatalog;
        this.fromCatalog = fromCatalog;
    }

    /** The spec label, e.g. "als:factors=64". */
    public String label() {
        return label;
    }

    // The index maps themselves, for ModelSetCodec; not to be modified.
    int[] toCatalog() {
        return toCatalog;
    }

    int[] fromCatalog() {
        return fromCatalog;
    }

    public String name() {
        return model.name();
    }

    public RecommenderModel model() {
        return model;
    }

    /**
     * The model's best {@code limit} items for a customer, in catalog indices.
     *
     * @param user snapshot user index or -1
     * @param history catalog indices, oldest first
     * @param weights aligned with {@code history}
     * @param segments segment indices
     * @param outItems receives catalog indices, best first
     * @param outScores receives the model's scores
     * @return how many were written
     */
    public int recommend(int user, int[] history, float[] weights, int historyLength, int[] segments, int limit,
            int[] outItems, float[] outScores) {
        int[] items = new int[historyLength];
        float[] w = new float[historyLength];
        int n = 0;
        for (int h = 0; h < historyLength; h++) {
            int s = history[h] < fromCatalog.length ? fromCatalog[history[h]] : -1;
            if (s >= 0) {
                items[n] = s;
                w[n++] = weights[h];
            }
        }
        UserContext ctx = new UserContext(user, java.util.Arrays.copyOf(items, n), java.util.Arrays.copyOf(w, n),
                segments);
        float[] scores = new float[model.itemCount()];
        model.scoreAll(ctx, scores);
        for (int s = 0; s < scores.length; s++) {
            if (toCatalog[s] < 0) {
                scores[s] = Float.NEGATIVE_INFINITY;
            }
        }
        int[] best = TopK.select(scores, Math.min(limit, Math.max(1, outItems.length)), null);
        int m = Math.min(best.length, outItems.length);
        for (int j = 0; j < m; j++) {
            outItems[j] = toCatalog[best[j]];
            outScores[j] = scores[best[j]];
        }
        return m;
    }
}
