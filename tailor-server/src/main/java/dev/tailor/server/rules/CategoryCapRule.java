// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.rules;

import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.RecommendationContext;
import java.util.Set;

/**
 * At most {@code max} items per leaf (or root) category in a list: the best-scored ones are kept, the rest are
 * removed before the re-rank, so no later stage can exceed the cap (pins excepted).
 */
final class CategoryCapRule extends ScopedRule {
    private final int max;
    private final boolean root;

    CategoryCapRule(int max, boolean root, Set<String> scenes) {
        super(scenes);
        this.max = max;
        this.root = root;
    }

    @Override
    public String describe() {
        return "at most " + max + " items per " + (root ? "root" : "leaf") + " category" + scope();
    }

    @Override
    public void apply(RecommendationContext ctx, Candidates c) {
        c.sortByScore();
        LiveCatalog.View cat = ctx.catalog();
        int categories = root ? ctx.names().rootCount() : ctx.names().categoryCount();
        int[] counts = ctx.itemBuffer(categories + 1);
        java.util.Arrays.fill(counts, 0, categories + 1, 0);
        for (int i = 0; i < c.size(); i++) {
            if (c.removed(i)) {
                continue;
            }
            int k = root ? cat.root(c.item(i)) : cat.category(c.item(i));
            // Uncategorized items share the last slot.
            int slot = k < 0 || k >= categories ? categories : k;
            if (++counts[slot] > max) {
                c.remove(i);
            }
        }
    }
}
