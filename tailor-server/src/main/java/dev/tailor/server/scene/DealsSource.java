// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.model.ModelSet;
import dev.tailor.server.pipeline.CandidateSource;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.HistoryWeights;
import dev.tailor.server.pipeline.RecommendationContext;
import dev.tailor.server.pipeline.Shopper;

/**
 * Items on sale (tagged as deals) where the customer's taste is: deals in the leaf categories of their recent
 * history, weighted by affinity and popularity, then deals popular with their segments or the shop. The
 * evidence is the category the deal matched ({@code -2 - category}) or the segment ({@code >= 0}).
 */
final class DealsSource implements CandidateSource {
    private static final int TOP_CATEGORIES = 4;

    private final float weight;

    DealsSource(float weight) {
        this.weight = weight;
    }

    @Override
    public String name() {
        return "deals";
    }

    @Override
    public void collect(RecommendationContext ctx, Candidates out, int source, int limit) {
        LiveCatalog.View cat = ctx.catalog();
        if (cat.dealCount() == 0) {
            return;
        }
        ModelSet m = ctx.models();
        Shopper s = ctx.shopper();
        float maxPop = Math.max(1f, m.popular().maxScore());
        int[] top = topCategories(ctx, s);
        int added = 0;
        for (int j = 0; j < top.length && top[j] >= 0 && added < limit; j++) {
            int c = top[j];
            float affinity = s.categoryAffinity(c);
            int count = CategoryMembers.collect(ctx, c, ContentSimilar.MAX_POPULAR);
            int[] members = ctx.memberBuffer(count);
            for (int k = 0; k < count && added < limit; k++) {
                int item = members[k];
                if (cat.deal(item) && ctx.admissible(item)) {
                    float pop = Math.min(1f, m.popularity(item) / maxPop);
                    out.add(item, weight * affinity * (0.5f + 0.5f * pop), source, -2 - c);
                    added++;
                }
            }
        }
        // Then deals the customer's segments (or everyone) like, at half weight.
        int segments = s.segmentCount();
        for (int j = 0; j <= segments && added < limit; j++) {
            var list = j < segments ? m.segmentPopular(s.segment(j)) : m.popular();
            float max = list.maxScore();
            for (int r = 0; r < list.size() && added < limit && max > 0f; r++) {
                int item = list.item(r);
                if (cat.deal(item) && ctx.admissible(item) && !out.contains(item)) {
                    out.add(item, 0.5f * weight * list.score(r) / max, source, j < segments ? s.segment(j) : -1);
                    added++;
                }
            }
        }
    }

    /** The customer's strongest leaf categories, -1 padded. */
    private static int[] topCategories(RecommendationContext ctx, Shopper s) {
        int[] top = ctx.itemBuffer(TOP_CATEGORIES);
        float[] best = ctx.scoreBuffer();
        for (int j = 0; j < TOP_CATEGORIES; j++) {
            top[j] = -1;
            best[j] = 0f;
        }
        int stop = Math.max(0, s.historyLength() - HistoryWeights.WINDOW);
        for (int e = s.historyLength() - 1; e >= stop; e--) {
            int c = ctx.catalog().category(s.historyItem(e));
            if (c < 0) {
                continue;
            }
            boolean seen = false;
            for (int j = 0; j < TOP_CATEGORIES; j++) {
                seen |= top[j] == c;
            }
            if (seen) {
                continue;
            }
            float a = s.categoryAffinity(c);
            for (int j = 0; j < TOP_CATEGORIES; j++) {
                if (a > best[j]) {
                    for (int k = TOP_CATEGORIES - 1; k > j; k--) {
                        top[k] = top[k - 1];
                        best[k] = best[k - 1];
                    }
                    top[j] = c;
                    best[j] = a;
                    break;
                }
            }
        }
        int[] copy = new int[TOP_CATEGORIES];
        System.arraycopy(top, 0, copy, 0, TOP_CATEGORIES);
        return copy;
    }

    @Override
    public boolean itemIndependentReasons() {
        return true;
    }

    @Override
    public String explain(RecommendationContext ctx, int item, int evidence) {
        if (evidence <= -2) {
            String path = ctx.names().categoryName(-2 - evidence);
            int cut = path.lastIndexOf('>');
            return "On sale in " + (cut >= 0 ? path.substring(cut + 1).strip() : path) + ", a category you like";
        }
        if (evidence >= 0) {
            return "On sale and popular with " + ctx.segmentName(evidence);
        }
        return "On sale and popular in the shop";
    }
}
