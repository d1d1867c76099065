// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.server.pipeline.RecommendationContext;

/**
 * The items of a leaf category worth comparing against: its most popular ones as of the model set (at most
 * {@code maxPopular}), then every item listed since. Bounded work however large the category (Amazon Sports
 * puts 18,000 items in one), and new items are never left out.
 */
final class CategoryMembers {
    private CategoryMembers() {
    }

    /**
     * Fills the context's member buffer.
     *
     * @return how many members were written
     */
    static int collect(RecommendationContext ctx, int category, int maxPopular) {
        if (category < 0) {
            return 0;
        }
        int[] popular = ctx.models().categoryPopular(category);
        int[] live = ctx.catalog().itemsInCategory(category);
        int trained = ctx.models().catalogSize();
        int newer = 0;
        for (int j = live.length - 1; j >= 0 && live[j] >= trained; j--) {
            newer++;
        }
        int fromPopular = Math.min(popular.length, maxPopular);
        int[] out = ctx.memberBuffer(fromPopular + newer);
        System.arraycopy(popular, 0, out, 0, fromPopular);
        System.arraycopy(live, live.length - newer, out, fromPopular, newer);
        return fromPopular + newer;
    }
}
