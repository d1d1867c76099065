// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.pipeline.Accumulator;
import dev.tailor.server.pipeline.CandidateSource;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.RecommendationContext;

/**
 * Items like the page's item by attributes alone: same leaf category, then same brand and a close price
 * (|log price ratio| small), popularity breaking ties. It needs no behaviour, so an item listed a second ago
 * has similar items, and is a neighbour of others, at once. Compares against the category's
 * {@value #MAX_POPULAR} most popular items and everything listed since the models ({@link CategoryMembers}).
 */
final class ContentSimilar implements CandidateSource {
    static final int MAX_POPULAR = 1_000;

    private final float weight;
    private final boolean fillOnly;

    /**
     * @param fillOnly add candidates only when the other sources found fewer than twice the items asked for
     */
    ContentSimilar(float weight, boolean fillOnly) {
        this.weight = weight;
        this.fillOnly = fillOnly;
    }

    @Override
    public String name() {
        return "content";
    }

    /** Attribute similarity in (0, 1] of a candidate in the anchor's leaf category. */
    static float similarity(LiveCatalog.View cat, int anchor, int other, float popularityShare) {
        float s = 0.5f;
        int b = cat.brand(anchor);
        if (b >= 0 && b == cat.brand(other)) {
            s += 0.25f;
        }
        float r = Math.abs(cat.logPrice(other) - cat.logPrice(anchor));
        if (r < 1f) {
            s += 0.2f * (1f - r);
        }
        return s + 0.05f * popularityShare;
    }

    /** Adds {@code weight x similarity} for the anchor's content neighbours to the accumulator. */
    void accumulate(RecommendationContext ctx, int anchor, float w, Accumulator acc) {
        LiveCatalog.View cat = ctx.catalog();
        int n = CategoryMembers.collect(ctx, cat.category(anchor), MAX_POPULAR);
        int[] members = ctx.memberBuffer(n);
        float maxPop = Math.max(1f, ctx.models().popular().maxScore());
        for (int j = 0; j < n; j++) {
            int other = members[j];
            if (other != anchor) {
                float pop = Math.min(1f, ctx.models().popularity(other) / maxPop);
                acc.add(other, w * similarity(cat, anchor, other, pop), anchor);
            }
        }
    }

    @Override
    public void collect(RecommendationContext ctx, Candidates out, int source, int limit) {
        int anchor = ctx.anchor();
        if (anchor < 0 || ctx.catalog().category(anchor) < 0 || (fillOnly && out.size() >= 2 * ctx.k())) {
            return;
        }
        ctx.accumulator().reset(ctx.catalog().size());
        accumulate(ctx, anchor, 1f, ctx.accumulator());
        ctx.accumulator().drainTo(ctx, out, source, limit, weight);
    }

    @Override
    public String explain(RecommendationContext ctx, int item, int evidence) {
        if (evidence < 0) {
            return "Similar item";
        }
        LiveCatalog.View cat = ctx.catalog();
        StringBuilder sb = new StringBuilder("Like ").append(ctx.title(evidence)).append(": same category");
        int b = cat.brand(evidence);
        if (b >= 0 && b == cat.brand(item)) {
            sb.append(", same brand");
        }
        if (Math.abs(cat.logPrice(item) - cat.logPrice(evidence)) < 0.25f) {
            sb.append(", similar price");
        }
        return sb.toString();
    }
}
