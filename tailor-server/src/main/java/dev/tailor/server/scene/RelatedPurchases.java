// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.server.model.NeighbourTable;
import dev.tailor.server.pipeline.Accumulator;
import dev.tailor.server.pipeline.CandidateSource;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.RecommendationContext;

/**
 * "Bought together" when the page's item has no purchase history of its own (new, or rarely bought): what was
 * bought with the items most like it (its viewed-together neighbours, or its content-similar items), weighted by
 * how like it they are. Only fills when the direct source found too little.
 */
final class RelatedPurchases implements CandidateSource {
    private static final int PROXIES = 5;

    private final float weight;
    private final ContentSimilar content;

    RelatedPurchases(float weight, ContentSimilar content) {
        this.weight = weight;
        this.content = content;
    }

    @Override
    public String name() {
        return "co-purchase";
    }

    @Override
    public void collect(RecommendationContext ctx, Candidates out, int source, int limit) {
        int anchor = ctx.anchor();
        if (anchor < 0 || out.size() >= 2 * ctx.k()) {
            return;
        }
        NeighbourTable similar = ctx.models().similar();
        NeighbourTable bought = ctx.models().boughtTogether();
        int[] proxies = ctx.itemBuffer(PROXIES);
        float[] proxyWeight = ctx.scoreBuffer();
        int n = 0;
        for (int p = similar.start(anchor); p < similar.end(anchor) && n < PROXIES; p++) {
            if (bought.count(similar.item(p)) > 0) {
                proxies[n] = similar.item(p);
                proxyWeight[n++] = similar.similarity(p);
            }
        }
        Accumulator acc = ctx.accumulator();
        if (n == 0) {
            // No behaviour at all around the item: fall back to its content neighbours.
            acc.reset(ctx.catalog().size());
            content.accumulate(ctx, anchor, 1f, acc);
            n = pickProxies(ctx, acc, bought, proxies, proxyWeight);
        }
        acc.reset(ctx.catalog().size());
        for (int j = 0; j < n; j++) {
            int proxy = proxies[j];
            for (int p = bought.start(proxy); p < bought.end(proxy); p++) {
                acc.add(bought.item(p), proxyWeight[j] * bought.similarity(p), proxy);
            }
        }
        acc.drainTo(ctx, out, source, limit, weight);
    }

    /** The best content neighbours that have purchase neighbours of their own. */
    private static int pickProxies(RecommendationContext ctx, Accumulator acc, NeighbourTable bought, int[] proxies,
            float[] proxyWeight) {
        int n = 0;
        int count = CategoryMembers.collect(ctx, ctx.catalog().category(ctx.anchor()), ContentSimilar.MAX_POPULAR);
        int[] members = ctx.memberBuffer(count);
        for (int j = 0; j < count; j++) {
            int m = members[j];
            float v = acc.value(m);
            if (v <= 0f || bought.count(m) == 0) {
                continue;
            }
            if (n < PROXIES) {
                proxies[n] = m;
                proxyWeight[n++] = v;
            } else {
                int worst = 0;
                for (int k = 1; k < n; k++) {
                    if (proxyWeight[k] < proxyWeight[worst]) {
                        worst = k;
                    }
                }
                if (v > proxyWeight[worst]) {
                    proxies[worst] = m;
                    proxyWeight[worst] = v;
                }
            }
        }
        return n;
    }

    @Override
    public boolean itemIndependentReasons() {
        return true;
    }

    @Override
    public String explain(RecommendationContext ctx, int item, int evidence) {
        if (evidence < 0) {
            return "Often bought with items like " + ctx.title(ctx.anchor());
        }
        return "Often bought with " + ctx.title(evidence) + ", which is like " + ctx.title(ctx.anchor());
    }
}
