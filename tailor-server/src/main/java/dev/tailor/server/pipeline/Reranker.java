// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

/**
 * Chooses the final k items from scored candidates, trading relevance for something else (diversity, novelty,
 * fairness of exposure). Thread-safe.
 */
public interface Reranker {
    String name();

    /**
     * Fills {@code out} with at most {@code k} candidates.
     *
     * @param candidates sorted by score, best first, none removed
     */
    void select(RecommendationContext ctx, Candidates candidates, int k, Selection out);
}
