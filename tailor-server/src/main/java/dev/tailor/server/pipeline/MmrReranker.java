// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import dev.tailor.server.catalog.LiveCatalog;

/**
 * Maximal marginal relevance (Carbonell and Goldstein 1998): picks, one at a time, the candidate maximizing
 * {@code lambda x relevance - (1 - lambda) x max similarity to the items already picked}, with
 * {@code lambda = 1 - diversity} and relevance the score divided by the best score. Item similarity is
 * attribute overlap (same leaf category 0.6, same root category 0.2, same brand 0.2): what a shopper perceives
 * as "more of the same", cheap enough for every request. O(k x pool), with the pool limited to the best
 * {@code max(poolFactor x k, 50)} candidates.
 */
public final class MmrReranker implements Reranker {
    private final int poolFactor;

    public MmrReranker(int poolFactor) {
        if (poolFactor < 1) {
            throw new IllegalArgumentException("poolFactor must be >= 1, was " + poolFactor);
        }
        this.poolFactor = poolFactor;
    }

    @Override
    public String name() {
        return "mmr";
    }

    /** Attribute similarity of two catalog items in [0, 1]. */
    public static float similarity(LiveCatalog.View catalog, int a, int b) {
        float s = 0f;
        int ca = catalog.category(a);
        if (ca >= 0 && ca == catalog.category(b)) {
            s += 0.6f;
        }
        int ra = catalog.root(a);
        if (ra >= 0 && ra == catalog.root(b)) {
            s += 0.2f;
        }
        int ba = catalog.brand(a);
        if (ba >= 0 && ba == catalog.brand(b)) {
            s += 0.2f;
        }
        return s;
    }

    @Override
    public void select(RecommendationContext ctx, Candidates c, int k, Selection out) {
        int pool = Math.min(c.size(), Math.max(poolFactor * k, 50));
        float lambda = 1f - ctx.diversity();
        if (lambda >= 1f || pool <= 1) {
            for (int i = 0; i < Math.min(k, c.size()); i++) {
                out.add(c.item(i), c.score(i), c.sourceIndex(i), c.evidence(i));
            }
            return;
        }
        float top = c.score(0);
        float norm = top > 0f ? 1f / top : 1f;
        // Attributes of the pool copied into flat arrays once: the inner loop runs k x pool times.
        int[] attrs = ctx.itemBuffer(4 * pool);
        float[] maxSim = ctx.scoreBuffer();
        LiveCatalog.View cat = ctx.catalog();
        for (int i = 0; i < pool; i++) {
            int item = c.item(i);
            attrs[4 * i] = 0;
            attrs[4 * i + 1] = cat.category(item);
            attrs[4 * i + 2] = cat.root(item);
            attrs[4 * i + 3] = cat.brand(item);
            maxSim[i] = 0f;
        }
        int picks = Math.min(k, pool);
        for (int step = 0; step < picks; step++) {
            int best = -1;
            float bestValue = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < pool; i++) {
                if (attrs[4 * i] != 0) {
                    continue;
                }
                float v = lambda * c.score(i) * norm - (1f - lambda) * maxSim[i];
                if (v > bestValue) {
                    bestValue = v;
                    best = i;
                }
            }
            attrs[4 * best] = 1;
            out.add(c.item(best), c.score(best), c.sourceIndex(best), c.evidence(best));
            int pc = attrs[4 * best + 1];
            int pr = attrs[4 * best + 2];
            int pb = attrs[4 * best + 3];
            for (int i = 0; i < pool; i++) {
                if (attrs[4 * i] == 0) {
                    float s = (pc >= 0 && pc == attrs[4 * i + 1] ? 0.6f : 0f)
                            + (pr >= 0 && pr == attrs[4 * i + 2] ? 0.2f : 0f)
                            + (pb >= 0 && pb == attrs[4 * i + 3] ? 0.2f : 0f);
                    if (s > maxSim[i]) {
                        maxSim[i] = s;
                    }
                }
            }
        }
    }
}
