// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.rules;

import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.RecommendationContext;
import dev.tailor.server.pipeline.Shopper;
import java.util.Set;

/** Drops items the customer already bought (before the models or in a live event since). */
final class ExcludePurchasedRule extends ScopedRule {
    ExcludePurchasedRule(Set<String> scenes) {
        super(scenes);
    }

    @Override
    public String describe() {
        return "exclude items the customer bought" + scope();
    }

    @Override
    public void apply(RecommendationContext ctx, Candidates c) {
        Shopper s = ctx.shopper();
        if (s.id() == null) {
            return;
        }
        for (int i = 0; i < c.size(); i++) {
            if (s.purchased(c.item(i))) {
                c.remove(i);
            }
        }
    }
}
