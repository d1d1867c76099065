// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.server.model.ModelSet;
import dev.tailor.server.model.RankedList;
import dev.tailor.server.pipeline.CandidateSource;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.RecommendationContext;
import dev.tailor.server.pipeline.Shopper;

/**
 * What is popular (or trending) with the customer's segments, or in the whole shop for a customer without
 * one: the answer for new customers, and a gentle base under everyone's personal list. Walks precomputed
 * lists; with several segments, each contributes equally.
 */
final class PopularSource implements CandidateSource {
    private final float weight;
    private final boolean trending;

    /**
     * @param trending use the recent-window lists instead of all-time popularity
     */
    PopularSource(float weight, boolean trending) {
        this.weight = weight;
        this.trending = trending;
    }

    @Override
    public String name() {
        return trending ? "trending" : "segment-pop";
    }

    @Override
    public void collect(RecommendationContext ctx, Candidates out, int source, int limit) {
        ModelSet m = ctx.models();
        Shopper s = ctx.shopper();
        int segments = s.segmentCount();
        if (segments == 0) {
            walk(ctx, trending ? m.trending() : m.popular(), out, source, limit, weight, -1);
            return;
        }
        for (int j = 0; j < segments; j++) {
            int seg = s.segment(j);
            if (seg < m.segments().size()) {
                walk(ctx, trending ? m.segmentTrending(seg) : m.segmentPopular(seg), out, source,
                        (limit + segments - 1) / segments, weight / segments, seg);
            }
        }
    }

    /** Adds the first {@code limit} admissible entries, scores divided by the list's best; evidence = segment. */
    static void walk(RecommendationContext ctx, RankedList list, Candidates out, int source, int limit, float w,
            int segment) {
        float max = list.maxScore();
        if (max <= 0f) {
            return;
        }
        float scale = w / max;
        int added = 0;
        for (int r = 0; r < list.size() && added < limit; r++) {
            int item = list.item(r);
            if (ctx.admissible(item)) {
                out.add(item, list.score(r) * scale, source, segment);
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
        if (evidence >= 0) {
            String seg = ctx.segmentName(evidence);
            return trending ? "Trending with " + seg + " lately" : "Popular with " + seg;
        }
        return trending ? "Trending in the shop" : "Popular in the shop";
    }
}
