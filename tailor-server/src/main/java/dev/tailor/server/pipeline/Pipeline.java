// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import java.util.List;

/**
 * One recommendation list: candidate sources, then the ranker, then the business rules, then the re-rank, then
 * the rules' final touches (pins), then explanations. Immutable and shared by all requests of a scene; the
 * per-request state lives in the {@link RecommendationContext}.
 *
 * @param sources candidate sources, each with the number of candidates it may add
 * @param ranker re-scores the blended candidates
 * @param reranker chooses the final order
 */
public record Pipeline(List<Stage> sources, Ranker ranker, Reranker reranker) {
    public Pipeline {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one candidate source");
        }
    }

    /**
     * A candidate source with its budget.
     *
     * @param source the source
     * @param limit how many candidates it may add per k items asked for
     */
    public record Stage(CandidateSource source, int limit) {
    }

    /**
     * Runs the list for {@code k} items and returns it with explanations. The chosen items are excluded from
     * later lists of the same request (rows of one page do not repeat each other).
     */
    public RankedItems run(RecommendationContext ctx, List<Rule> rules, int k) {
        // Checked before the work, not after: a list that is already computed is worth sending.
        ctx.checkDeadline();
        Candidates c = ctx.candidates();
        c.reset(ctx.catalog().size());
        ctx.k(k);
        for (Stage stage : sources) {
            int index = c.register(stage.source());
            stage.source().collect(ctx, c, index, Math.max(k, stage.limit() * k));
        }
        ranker.rank(ctx, c);
        String scene = ctx.scene();
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            if (rule.appliesTo(scene)) {
                rule.apply(ctx, c);
            }
        }
        c.compact();
        c.sortByScore();
        Selection s = ctx.selection();
        s.clear();
        reranker.select(ctx, c, k, s);
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            if (rule.appliesTo(scene)) {
                rule.finish(ctx, s);
            }
        }
        s.truncate(k);
        return RankedItems.of(ctx, c, s);
    }
}
