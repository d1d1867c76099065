// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

/**
 * The default ranker: multiplies each blended score by {@code 1 + weight x affinity}, where affinity in [0, 1]
 * is the customer's recency-weighted taste for the item's leaf category ({@link Shopper#categoryAffinity}).
 * A no-op for anonymous visitors and for weight 0. A learned ranker replaces it through the same seam.
 */
public final class AffinityRanker implements Ranker {
    private final float weight;

    public AffinityRanker(float weight) {
        if (!(weight >= 0f) || Float.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be >= 0, was " + weight);
        }
        this.weight = weight;
    }

    @Override
    public String name() {
        return "affinity";
    }

    @Override
    public void rank(RecommendationContext ctx, Candidates c) {
        Shopper s = ctx.shopper();
        if (weight == 0f || s.historyLength() == 0) {
            return;
        }
        for (int i = 0; i < c.size(); i++) {
            float a = s.categoryAffinity(ctx.catalog().category(c.item(i)));
            if (a > 0f) {
                c.setScore(i, c.score(i) * (1f + weight * a));
            }
        }
    }
}
