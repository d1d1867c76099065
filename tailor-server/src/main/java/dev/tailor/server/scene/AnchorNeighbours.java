// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.server.model.NeighbourTable;
import dev.tailor.server.pipeline.CandidateSource;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.RecommendationContext;

/**
 * The page item's neighbours from an item-to-item table, read straight from the precomputed list: the cheapest
 * source there is (no scoring, one pass over at most k neighbours).
 */
final class AnchorNeighbours implements CandidateSource {
    private final float weight;
    private final boolean boughtTogether;

    /**
     * @param boughtTogether read the purchase table instead of the viewed-together one
     */
    AnchorNeighbours(float weight, boolean boughtTogether) {
        this.weight = weight;
        this.boughtTogether = boughtTogether;
    }

    @Override
    public String name() {
        return boughtTogether ? "co-purchase" : "item-knn";
    }

    private NeighbourTable table(RecommendationContext ctx) {
        return boughtTogether ? ctx.models().boughtTogether() : ctx.models().similar();
    }

    @Override
    public void collect(RecommendationContext ctx, Candidates out, int source, int limit) {
        int anchor = ctx.anchor();
        if (anchor < 0) {
            return;
        }
        NeighbourTable t = table(ctx);
        int start = t.start(anchor);
        int end = t.end(anchor);
        if (start == end) {
            return;
        }
        float scale = weight / t.similarity(start);
        int added = 0;
        for (int p = start; p < end && added < limit; p++) {
            int item = t.item(p);
            if (ctx.admissible(item)) {
                out.add(item, t.similarity(p) * scale, source, anchor);
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
        String anchor = ctx.title(evidence < 0 ? ctx.anchor() : evidence);
        return boughtTogether ? "Often bought together with " + anchor
                : "Customers who viewed " + anchor + " also viewed this";
    }
}
