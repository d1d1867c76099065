// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.rules;

import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.RecommendationContext;
import java.util.Set;

/** Drops items that cannot be bought now (out of stock or unlisted). */
final class ExcludeUnavailableRule extends ScopedRule {
    ExcludeUnavailableRule(Set<String> scenes) {
        super(scenes);
    }

    @Override
    public String describe() {
        return "exclude unavailable items" + scope();
    }

    @Override
    public void apply(RecommendationContext ctx, Candidates c) {
        LiveCatalog.View cat = ctx.catalog();
        for (int i = 0; i < c.size(); i++) {
            if (!cat.available(c.item(i))) {
                c.remove(i);
            }
        }
    }
}
