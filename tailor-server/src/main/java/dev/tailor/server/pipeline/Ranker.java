// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

/**
 * Re-scores the blended candidates of one request, e.g. with a learning-to-rank model over user, item and
 * context features. Runs before the business rules, so rules act on final scores. Thread-safe.
 */
public interface Ranker {
    String name();

    /** Updates candidate scores in place through {@link Candidates#setScore}. */
    void rank(RecommendationContext ctx, Candidates candidates);
}
