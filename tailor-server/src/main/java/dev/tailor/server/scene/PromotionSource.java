// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.server.model.RankedList;
import dev.tailor.server.pipeline.CandidateSource;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.RecommendationContext;
import java.util.Locale;

/**
 * Items to promote to the request's segment: its precomputed promotion list (share x log-lift). The evidence
 * is the entry's rank in that list, from which the explanation reads the lift.
 */
final class PromotionSource implements CandidateSource {
    @Override
    public String name() {
        return "promotion";
    }

    @Override
    public void collect(RecommendationContext ctx, Candidates out, int source, int limit) {
        int seg = ctx.segment();
        if (seg < 0) {
            return;
        }
        RankedList list = ctx.models().segmentPromotions(seg);
        float max = list.maxScore();
        int added = 0;
        for (int r = 0; r < list.size() && added < limit && max > 0f; r++) {
            int item = list.item(r);
            if (ctx.admissible(item)) {
                out.add(item, list.score(r) / max, source, r);
                added++;
            }
        }
    }

    @Override
    public String explain(RecommendationContext ctx, int item, int evidence) {
        String seg = ctx.segmentName(ctx.segment());
        if (evidence < 0) {
            return "Popular with " + seg;
        }
        float lift = ctx.models().segmentLift(ctx.segment(), evidence);
        return String.format(Locale.ROOT, "%.1f\u00d7 as popular with %s as with the average customer", lift, seg);
    }
}
