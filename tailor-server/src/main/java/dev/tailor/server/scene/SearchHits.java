// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.server.pipeline.CandidateSource;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.RecommendationContext;

/**
 * The text-retrieval hits the search scene put into the context (BM25, or BM25 fused with dense retrieval), scores
 * divided by the best.
 */
final class SearchHits implements CandidateSource {
    @Override
    public String name() {
        return "search";
    }

    @Override
    public void collect(RecommendationContext ctx, Candidates out, int source, int limit) {
        int n = ctx.hitCount();
        if (n == 0) {
            return;
        }
        float max = ctx.hitScore(0);
        int added = 0;
        for (int j = 0; j < n && added < limit; j++) {
            int item = ctx.hitItem(j);
            if (ctx.admissible(item)) {
                out.add(item, max > 0f ? ctx.hitScore(j) / max : 1f, source, -1);
                added++;
            }
        }
    }

    @Override
    public String explain(RecommendationContext ctx, int item, int evidence) {
        String base = "Matches \u201c" + ctx.query() + "\u201d";
        int b = ctx.catalog().brand(item);
        if (ctx.shopper().brandAffinity(b) >= 0.5f) {
            return base + ", from " + ctx.names().brandName(b) + ", a brand you like";
        }
        int c = ctx.catalog().category(item);
        if (ctx.shopper().categoryAffinity(c) >= 0.5f) {
            String path = ctx.names().categoryName(c);
            int cut = path.lastIndexOf('>');
            return base + " in " + (cut >= 0 ? path.substring(cut + 1).strip() : path) + ", which you browse often";
        }
        return base;
    }
}
