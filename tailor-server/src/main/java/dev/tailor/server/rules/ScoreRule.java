// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.rules;

import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.RecommendationContext;
import java.util.Set;

/** Boost (factor > 1) or bury (factor < 1): multiplies the scores of matching items. */
final class ScoreRule extends ScopedRule {
    private final ItemMatcher when;
    private final float factor;

    ScoreRule(ItemMatcher when, float factor, Set<String> scenes) {
        super(scenes);
        this.when = when;
        this.factor = factor;
    }

    @Override
    public String describe() {
        return (factor > 1 ? "boost" : "bury") + " x" + factor + " where " + when + scope();
    }

    @Override
    public void apply(RecommendationContext ctx, Candidates c) {
        for (int i = 0; i < c.size(); i++) {
            if (!c.removed(i) && when.matches(ctx.catalog(), ctx.names(), c.item(i))) {
                c.setScore(i, c.score(i) * factor);
            }
        }
    }
}
