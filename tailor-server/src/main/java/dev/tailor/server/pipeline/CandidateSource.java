// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

/**
 * Proposes items for a request: an item-to-item table walked from the customer's history, a popularity list,
 * a text index, a factor model, ... Sources add candidates with scores normalized to [0, 1] times their weight,
 * so several sources blend by simple addition; each remembers the evidence (an item from the history, the page's
 * item) that the explanation will name. Implementations are stateless per request and thread-safe.
 */
public interface CandidateSource {
    /** Short stable name for metrics, logs and the {@code source} field of responses, e.g. "item-knn". */
    String name();

    /**
     * Adds at most {@code limit} admissible candidates ({@link RecommendationContext#admissible}) to {@code out}.
     *
     * @param source this source's registration index in {@code out}, to pass to {@link Candidates#add}
     */
    void collect(RecommendationContext ctx, Candidates out, int source, int limit);

    /**
     * One human-readable sentence saying why {@code item} is shown, e.g. "Because you viewed Anker Nano 3".
     *
     * @param evidence what the source recorded with the candidate: usually a catalog item (the history or page
     *     item behind it), for some sources a position in their own list; -1 when none
     */
    String explain(RecommendationContext ctx, int item, int evidence);

    /**
     * Whether {@link #explain} depends only on the evidence, not on the item, so one explanation can serve every
     * item with the same evidence in a list. False unless a source says otherwise.
     */
    default boolean itemIndependentReasons() {
        return false;
    }
}
