// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.server.pipeline.CandidateSource;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.RecommendationContext;
import dev.tailor.server.search.SemanticIndex;

/**
 * The page item's nearest items by text vector (title, category path and brand, encoded by the language model),
 * scored by cosine. It needs no behaviour and, unlike {@link ContentSimilar}, no shared category: an item listed a
 * second ago through the API is encoded on upsert and has similar items by meaning at once. Adds nothing while
 * item vectors are off ({@link SemanticIndex.Mode#LEXICAL}).
 */
final class TextNeighbours implements CandidateSource {
    /**
     * Cosine below which a neighbour is not "similar": items of unrelated categories score about 0.2 to 0.5 with
     * both models, same-category titles 0.6 and above.
     */
    static final float DEFAULT_MIN_SIMILARITY = 0.5f;

    private final SemanticIndex vectors;
    private final float weight;
    private final float minSimilarity;

    TextNeighbours(SemanticIndex vectors, float weight, float minSimilarity) {
        this.vectors = vectors;
        this.weight = weight;
        this.minSimilarity = minSimilarity;
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public void collect(RecommendationContext ctx, Candidates out, int source, int limit) {
        int anchor = ctx.anchor();
        if (anchor < 0 || limit <= 0 || vectors.mode() != SemanticIndex.Mode.HYBRID) {
            return;
        }
        // Inadmissible items (rules, exclusions) are dropped after retrieval: ask for some more.
        int[] items = new int[limit + 16];
        float[] scores = new float[items.length];
        int n = vectors.similar(anchor, items, scores, minSimilarity);
        int added = 0;
        for (int j = 0; j < n && added < limit; j++) {
            if (ctx.admissible(items[j])) {
                out.add(items[j], weight * scores[j], source, anchor);
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
        return evidence < 0 ? "Similar description" : "Described like " + ctx.title(evidence);
    }
}
