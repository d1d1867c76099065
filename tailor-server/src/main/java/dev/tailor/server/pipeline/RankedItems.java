// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

/**
 * A finished list: catalog indices, scores, the name of the source behind each item and its explanation.
 * Immutable once built (the arrays are not shared).
 */
public final class RankedItems {
    private static final RankedItems EMPTY = new RankedItems(new int[0], new float[0], new String[0],
            new String[0]);

    private static final int REASON_CACHE = 16;

    private final int[] items;
    private final float[] scores;
    private final String[] sources;
    private final String[] reasons;

    private RankedItems(int[] items, float[] scores, String[] sources, String[] reasons) {
        this.items = items;
        this.scores = scores;
        this.sources = sources;
        this.reasons = reasons;
    }

    public static RankedItems empty() {
        return EMPTY;
    }

    /** Freezes a selection, asking each item's source for its explanation, and excludes the items from later lists. */
    static RankedItems of(RecommendationContext ctx, Candidates c, Selection s) {
        int n = s.size();
        int[] items = new int[n];
        float[] scores = new float[n];
        String[] sources = new String[n];
        String[] reasons = new String[n];
        // Explanations repeat (one history item behind several candidates): build each distinct one once.
        int[] seenSource = new int[REASON_CACHE];
        int[] seenEvidence = new int[REASON_CACHE];
        String[] seenReason = new String[REASON_CACHE];
        int seen = 0;
        for (int i = 0; i < n; i++) {
            int item = s.item(i);
            items[i] = item;
            scores[i] = s.score(i);
            if (s.fixedReason(i) != null) {
                sources[i] = s.fixedSource(i);
                reasons[i] = s.fixedReason(i);
            } else {
                CandidateSource src = c.source(s.sourceIndex(i));
                sources[i] = src.name();
                String reason = null;
                if (src.itemIndependentReasons()) {
                    for (int j = 0; j < seen && reason == null; j++) {
                        if (seenSource[j] == s.sourceIndex(i) && seenEvidence[j] == s.evidence(i)) {
                            reason = seenReason[j];
                        }
                    }
                }
                if (reason == null) {
                    reason = src.explain(ctx, item, s.evidence(i));
                    if (src.itemIndependentReasons() && seen < REASON_CACHE) {
                        seenSource[seen] = s.sourceIndex(i);
                        seenEvidence[seen] = s.evidence(i);
                        seenReason[seen++] = reason;
                    }
                }
                reasons[i] = reason;
            }
            ctx.exclude(item);
        }
        return new RankedItems(items, scores, sources, reasons);
    }

    public int size() {
        return items.length;
    }

    public int item(int i) {
        return items[i];
    }

    public float score(int i) {
        return scores[i];
    }

    public String source(int i) {
        return sources[i];
    }

    public String reason(int i) {
        return reasons[i];
    }
}
