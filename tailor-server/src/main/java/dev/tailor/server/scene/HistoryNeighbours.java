// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.server.model.NeighbourTable;
import dev.tailor.server.pipeline.Accumulator;
import dev.tailor.server.pipeline.CandidateSource;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.HistoryWeights;
import dev.tailor.server.pipeline.RecommendationContext;
import dev.tailor.server.pipeline.Shopper;

/**
 * "For you" from the customer's recent history: the neighbours of each of the last
 * {@value HistoryWeights#WINDOW} history items, weighted by event type and decayed by recency, summed. Live
 * events are part of the history, so an item viewed a moment ago pulls its neighbours up in the very next
 * request. Items newer than the models have no neighbour list; their content-similar items stand in.
 */
final class HistoryNeighbours implements CandidateSource {
    private final float weight;
    private final ContentSimilar content;

    HistoryNeighbours(float weight, ContentSimilar content) {
        this.weight = weight;
        this.content = content;
    }

    @Override
    public String name() {
        return "item-knn";
    }

    @Override
    public void collect(RecommendationContext ctx, Candidates out, int source, int limit) {
        Shopper s = ctx.shopper();
        if (s.historyLength() == 0) {
            return;
        }
        accumulate(ctx, ctx.accumulator());
        ctx.accumulator().drainTo(ctx, out, source, limit, weight);
    }

    /** Adds the history's weighted neighbours to a freshly reset accumulator. */
    void accumulate(RecommendationContext ctx, Accumulator acc) {
        Shopper s = ctx.shopper();
        NeighbourTable table = ctx.models().similar();
        acc.reset(ctx.catalog().size());
        float decay = 1f;
        int stop = Math.max(0, s.historyLength() - HistoryWeights.WINDOW);
        for (int e = s.historyLength() - 1; e >= stop; e--, decay *= HistoryWeights.DECAY) {
            int item = s.historyItem(e);
            float w = decay * HistoryWeights.weight(s.historyType(e));
            if (w <= 0f) {
                continue;
            }
            if (table.count(item) > 0) {
                for (int p = table.start(item); p < table.end(item); p++) {
                    acc.add(table.item(p), w * table.similarity(p), item);
                }
            } else {
                content.accumulate(ctx, item, w, acc);
            }
        }
    }

    @Override
    public boolean itemIndependentReasons() {
        return true;
    }

    @Override
    public String explain(RecommendationContext ctx, int item, int evidence) {
        if (evidence < 0) {
            return "Picked for you";
        }
        return "Because you " + HistoryWeights.verb(ctx.shopper().strongestType(evidence)) + " "
                + ctx.title(evidence);
    }
}
