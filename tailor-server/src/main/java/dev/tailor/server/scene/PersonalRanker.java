// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.server.pipeline.Accumulator;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.Ranker;
import dev.tailor.server.pipeline.RecommendationContext;
import dev.tailor.server.pipeline.Shopper;

/**
 * Re-ranks candidates that came from elsewhere (text retrieval) by the customer's taste:
 * {@code score x (1 + categoryWeight x categoryAffinity + brandWeight x brandAffinity) + neighbourWeight x knn},
 * where knn is the candidate's history-neighbour score divided by the best candidate's and the affinities are
 * the customer's recency-weighted shares of the item's leaf category and brand in [0, 1] (shoppers are
 * brand-loyal within a category, so brand weighs more). Customers without history keep the text order.
 */
final class PersonalRanker implements Ranker {
    private final HistoryNeighbours neighbours;
    private final float neighbourWeight;
    private final float categoryWeight;
    private final float brandWeight;

    PersonalRanker(HistoryNeighbours neighbours, float neighbourWeight, float categoryWeight, float brandWeight) {
        this.neighbours = neighbours;
        this.neighbourWeight = neighbourWeight;
        this.categoryWeight = categoryWeight;
        this.brandWeight = brandWeight;
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
            float taste = 1f + categoryWeight * s.categoryAffinity(ctx.catalog().category(item))
                    + brandWeight * s.brandAffinity(ctx.catalog().brand(item));
            c.setScore(i, c.score(i) * taste + neighbourWeight * knn);
        }
    }
}
