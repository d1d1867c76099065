// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.server.pipeline.Accumulator;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.Ranker;
import dev.tailor.server.pipeline.RecommendationContext;
import dev.tailor.server.pipeline.Shopper;

/**
 * Re-ranks candidates that came from elsewhere (text retrieval) by the customer's taste:
 * {@code (score + neighbourWeight x knn) x (1 + affinityWeight x categoryAffinity)}, where knn is the
 * candidate's history-neighbour score divided by the best candidate's. Anonymous visitors keep the plain order.
 */
final class PersonalRanker implements Ranker {
    private final HistoryNeighbours neighbours;
    private final float neighbourWeight;
    private final float affinityWeight;

    PersonalRanker(HistoryNeighbours neighbours, float neighbourWeight, float affinityWeight) {
        this.neighbours = neighbours;
        this.neighbourWeight = neighbourWeight;
        this.affinityWeight = affinityWeight;
    }

    @Override
    public String name() {
        return "personal";
    }

    @Override
    public void rank(RecommendationContext ctx, Candidates c) {
        Shopper s = ctx.shopper();
        if (s.historyLength() == 0 || c.size() == 0) {
            return;
        }
        Accumulator acc = ctx.accumulator();
        neighbours.accumulate(ctx, acc);
        float max = 0f;
        for (int i = 0; i < c.size(); i++) {
            max = Math.max(max, acc.value(c.item(i)));
        }
        for (int i = 0; i < c.size(); i++) {
            int item = c.item(i);
            float knn = max > 0f ? acc.value(item) / max : 0f;
            float affinity = s.categoryAffinity(ctx.catalog().category(item));
            c.setScore(i, (c.score(i) + neighbourWeight * knn) * (1f + affinityWeight * affinity));
        }
    }
}
