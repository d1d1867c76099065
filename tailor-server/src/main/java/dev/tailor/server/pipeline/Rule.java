// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

/**
 * A business rule: removes candidates (already bought, out of stock), rescales them (boost, bury), caps them
 * (at most n per category) before the diversity re-rank, and may place items in the final list (pins)
 * afterwards. Rules run in their configured order. Thread-safe; stateless per request.
 */
public interface Rule {
    /** What the rule does, for the admin endpoint and logs, e.g. "boost x1.5 where brand = Apple". */
    String describe();

    /** Whether the rule applies to a scene ("home", "similar", ...). */
    boolean appliesTo(String scene);

    /** Filters or rescales candidates; {@link Candidates#sortByScore()} first if the rule needs their order. */
    void apply(RecommendationContext ctx, Candidates candidates);

    /** Adjusts the selected list after the re-rank (pins); most rules do nothing here. */
    default void finish(RecommendationContext ctx, Selection selection) {
    }
}
