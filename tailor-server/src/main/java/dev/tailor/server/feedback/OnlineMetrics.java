// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.feedback;

import dev.tailor.core.domain.EventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Online quality per (scene, model): items served, impressions, clicks and conversions (add-to-cart or
 * purchase) reported back with a request id. The model is the candidate source that proposed the item
 * ("item-knn", "segment-pop", "bm25", an extra model's label, "pin"), so a blend can be compared part by part;
 * the model-set version is tracked as a separate breakdown. Thread-safe, lock-free counting.
 */
public final class OnlineMetrics {
    /** Model name used when feedback names a request that is no longer (or never was) in the ledger. */
    public static final String UNATTRIBUTED = "unattributed";
    /** Model name of the per-scene totals. */
    public static final String ALL = "all";

    private final Map<Key, Counters> bySource = new ConcurrentHashMap<>();
    private final Map<Key, Counters> byModelSet = new ConcurrentHashMap<>();
    private final RequestLedger ledger;

    public OnlineMetrics(RequestLedger ledger) {
        this.ledger = ledger;
    }

    /** Counts a response's served items. */
    public void served(String scene, String modelSet, List<String> sources) {
        // Lists hold a handful of distinct sources: count runs of equal names instead of one update per item.
        int n = sources.size();
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (done[i]) {
                continue;
            }
            String source = sources.get(i);
            int count = 0;
            for (int j = i; j < n; j++) {
                if (!done[j] && sources.get(j).equals(source)) {
                    done[j] = true;
                    count++;
                }
            }
            counters(bySource, scene, source).served.add(count);
        }
        counters(byModelSet, scene, modelSet).served.add(n);
    }

    /**
     * Credits a feedback event. Only impressions, clicks, add-to-cart and purchases that carry a request id
     * count.
     *
     * @param item the event's catalog item, -1 when unknown
     * @param sceneHint the event's own scene, used when the request is no longer remembered
     */
    public void feedback(EventType type, String requestId, int item, String sceneHint) {
        if (requestId == null) {
            return;
        }
        var kind = switch (type) {
            case IMPRESSION -> 0;
            case CLICK -> 1;
            case ADD_TO_CART, PURCHASE -> 2;
            default -> -1;
        };
        if (kind < 0) {
            return;
        }
        var entry = ledger.find(requestId);
        String scene = entry.map(RequestLedger.Entry::scene).orElse(sceneHint == null ? "unknown" : sceneHint);
        String source = entry.flatMap(e -> e.sourceOf(item)).orElse(UNATTRIBUTED);
        String modelSet = entry.map(RequestLedger.Entry::modelSet).orElse(UNATTRIBUTED);
        count(counters(bySource, scene, source), kind);
        count(counters(byModelSet, scene, modelSet), kind);
    }

    private static void count(Counters c, int kind) {
        switch (kind) {
            case 0 -> c.impressions.increment();
            case 1 -> c.clicks.increment();
            default -> c.conversions.increment();
        }
    }

    private static Counters counters(Map<Key, Counters> map, String scene, String model) {
        return map.computeIfAbsent(new Key(scene, model), k -> new Counters());
    }

    /** Rows by (scene, source), sorted. */
    public List<Row> bySource() {
        return rows(bySource);
    }

    /** Rows by (scene, model-set version), sorted. */
    public List<Row> byModelSet() {
        return rows(byModelSet);
    }

    /**
     * Rows by scene, model "all": every response counted once (the model-set breakdown has one row per response's
     * set, so summing it over sets does not double-count as summing over sources would), sorted.
     */
    public List<Row> byScene() {
        Map<String, long[]> sums = new TreeMap<>();
        byModelSet.forEach((k, c) -> {
            long[] t = sums.computeIfAbsent(k.scene, x -> new long[4]);
            t[0] += c.served.sum();
            t[1] += c.impressions.sum();
            t[2] += c.clicks.sum();
            t[3] += c.conversions.sum();
        });
        List<Row> out = new ArrayList<>();
        sums.forEach((scene, t) -> out.add(new Row(scene, ALL, t[0], t[1], t[2], t[3])));
        return out;
    }

    private static List<Row> rows(Map<Key, Counters> map) {
        List<Row> out = new ArrayList<>();
        map.forEach((k, c) -> out.add(new Row(k.scene, k.model, c.served.sum(), c.impressions.sum(),
                c.clicks.sum(), c.conversions.sum())));
        out.sort(Comparator.comparing(Row::scene).thenComparing(Row::model));
        return out;
    }

    private record Key(String scene, String model) {
    }

    private static final class Counters {
        final LongAdder served = new LongAdder();
        final LongAdder impressions = new LongAdder();
        final LongAdder clicks = new LongAdder();
        final LongAdder conversions = new LongAdder();
    }

    /**
     * One line of the report.
     *
     * @param served items returned in responses
     * @param impressions items the shop reported as shown
     * @param clicks clicks on items of these responses
     * @param conversions add-to-cart and purchase events on items of these responses
     */
    public record Row(String scene, String model, long served, long impressions, long clicks, long conversions) {
        /** Clicks per impression; per served item when the shop reports no impressions; 0 when neither. */
        public double ctr() {
            long base = impressions > 0 ? impressions : served;
            return base == 0 ? 0 : (double) clicks / base;
        }

        /** Conversions per click; 0 without clicks. */
        public double conversionRate() {
            return clicks == 0 ? 0 : (double) conversions / clicks;
        }
    }
}
