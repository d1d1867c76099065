// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.rules;

import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.RecommendationContext;
import dev.tailor.server.pipeline.Selection;
import java.util.Set;

/**
 * Places an item at a fixed position of the final list: a named item, or the best-scored candidate matching an
 * attribute condition. A pinned item must still be admissible (filters, exclusions) and available; otherwise
 * the list is left as it is.
 */
final class PinRule extends ScopedRule {
    static final String SOURCE = "pin";

    private final String itemId;
    private final ItemMatcher when;
    private final int position;
    private final String reason;

    PinRule(String itemId, ItemMatcher when, int position, String reason, Set<String> scenes) {
        super(scenes);
        this.itemId = itemId;
        this.when = when;
        this.position = position;
        this.reason = reason;
    }

    @Override
    public String describe() {
        return "pin " + (itemId != null ? "item " + itemId : "the best item where " + when) + " at position "
                + position + scope();
    }

    @Override
    public void apply(RecommendationContext ctx, Candidates c) {
        // Pins act on the final list only.
    }

    @Override
    public void finish(RecommendationContext ctx, Selection s) {
        LiveCatalog.View cat = ctx.catalog();
        int item = -1;
        float score = s.size() > 0 ? s.score(0) : 1f;
        if (itemId != null) {
            item = cat.indexOf(itemId);
            if (item < 0 || !admissible(ctx, item)) {
                return;
            }
        } else {
            Candidates c = ctx.candidates();
            for (int i = 0; i < c.size(); i++) {
                if (when.matches(cat, ctx.names(), c.item(i)) && admissible(ctx, c.item(i))) {
                    item = c.item(i);
                    break;
                }
            }
            if (item < 0) {
                return;
            }
        }
        s.insert(position, item, score, SOURCE, reason);
    }

    private static boolean admissible(RecommendationContext ctx, int item) {
        // An item chosen earlier on this page is excluded, but pinning it again within this list is fine.
        return ctx.catalog().available(item) && !ctx.shopper().purchased(item)
                && (ctx.admissible(item) || ctx.selection().contains(item));
    }
}
