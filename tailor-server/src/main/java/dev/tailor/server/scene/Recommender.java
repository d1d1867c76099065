// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.feedback.OnlineMetrics;
import dev.tailor.server.feedback.RequestLedger;
import dev.tailor.server.json.JsonWriter;
import dev.tailor.server.live.CustomerDirectory;
import dev.tailor.server.live.LiveEvents;
import dev.tailor.server.model.ModelSet;
import dev.tailor.server.pipeline.AffinityRanker;
import dev.tailor.server.pipeline.HistoryWeights;
import dev.tailor.server.pipeline.MmrReranker;
import dev.tailor.server.pipeline.Pipeline;
import dev.tailor.server.pipeline.RankedItems;
import dev.tailor.server.pipeline.Ranker;
import dev.tailor.server.pipeline.RecommendationContext;
import dev.tailor.server.pipeline.Rule;
import dev.tailor.server.pipeline.Scenes;
import dev.tailor.server.pipeline.Shopper;
import dev.tailor.server.rules.RuleSet;
import dev.tailor.server.search.SemanticIndex;
import dev.tailor.server.search.SemanticSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The scenes a shop calls on every page, each a fixed arrangement of pipelines built once at start:
 * <ul>
 *   <li>home: rows "For you" (history neighbours, segment popularity, extra models), "Because you viewed X"
 *   (X's neighbours), "Trending for &lt;segment&gt;", "Deals for you"; rows never repeat each other and items
 *   the customer just interacted with are left out;</li>
 *   <li>similar and bought-together: the page item's neighbours, with content similarity and related purchases
 *   filling in for new or rarely bought items; similar also takes the items nearest by text vector, so an item
 *   without any event has similar items by meaning;</li>
 *   <li>search: BM25 hits, fused with dense retrieval when item vectors exist, re-ranked by the customer's
 *   history and category taste;</li>
 *   <li>promotions: items a segment likes distinctly more than everyone.</li>
 * </ul>
 * Each call reads the current model set and rule set once, borrows a pooled context, renders the JSON response
 * into the context's buffer and records what it served for feedback. Thread-safe.
 */
public final class Recommender {
    private static final int POOL_LIMIT = 256;

    private final Supplier<ModelSet> models;
    private final Supplier<RuleSet> rules;
    private final LiveCatalog catalog;
    private final LiveEvents events;
    private final CustomerDirectory customers;
    private final SemanticSearch search;
    private final RequestLedger ledger;
    private final OnlineMetrics metrics;
    private final SceneSettings settings;
    private final long timeoutNanos;
    private final ConcurrentLinkedQueue<RecommendationContext> pool = new ConcurrentLinkedQueue<>();

    private final Pipeline forYou;
    private final Pipeline because;
    private final Pipeline trending;
    private final Pipeline deals;
    private final Pipeline similar;
    private final Pipeline boughtTogether;
    private final Pipeline searchPipeline;
    private final Pipeline promotions;

    /**
     * @param search text retrieval of the search scene (hybrid when item vectors exist)
     * @param vectors item-text vectors, for the similar scene's text neighbours
     * @param extraModelLabels labels of the model set's extra models, served in "For you"
     * @param timeoutMillis time budget of one request
     */
    public Recommender(Supplier<ModelSet> models, Supplier<RuleSet> rules, LiveCatalog catalog, LiveEvents events,
            CustomerDirectory customers, SemanticSearch search, SemanticIndex vectors, RequestLedger ledger,
            OnlineMetrics metrics,
            SceneSettings settings, List<String> extraModelLabels, ServingExtensions extensions,
            long timeoutMillis) {
        this.models = models;
        this.rules = rules;
        this.catalog = catalog;
        this.events = events;
        this.customers = customers;
        this.search = search;
        this.ledger = ledger;
        this.metrics = metrics;
        this.settings = settings;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);

        ContentSimilar contentFill = new ContentSimilar(0.5f, true);
        ContentSimilar contentForHistory = new ContentSimilar(1f, false);
        HistoryNeighbours history = new HistoryNeighbours(1f, contentForHistory);
        MmrReranker mmr = new MmrReranker(5);

        List<Pipeline.Stage> forYouStages = new ArrayList<>();
        forYouStages.add(new Pipeline.Stage(history, 5));
        forYouStages.add(new Pipeline.Stage(new PopularSource(0.25f, false), 3));
        for (String label : extraModelLabels) {
            forYouStages.add(new Pipeline.Stage(new ModelSource(label, 1f), 5));
        }
        forYou = pipeline(Scenes.HOME, forYouStages, new AffinityRanker(0.2f), mmr, extensions);
        because = new Pipeline(List.of(new Pipeline.Stage(new AnchorNeighbours(1f, false), 4),
                new Pipeline.Stage(contentFill, 4)), new AffinityRanker(0f), mmr);
        trending = new Pipeline(List.of(new Pipeline.Stage(new PopularSource(1f, true), 4)),
                new AffinityRanker(0.2f), mmr);
        deals = new Pipeline(List.of(new Pipeline.Stage(new DealsSource(1f), 4)), new AffinityRanker(0f), mmr);
        similar = pipeline(Scenes.SIMILAR, List.of(new Pipeline.Stage(new AnchorNeighbours(1f, false), 4),
                new Pipeline.Stage(new TextNeighbours(vectors, 1f, TextNeighbours.DEFAULT_MIN_SIMILARITY), 4),
                new Pipeline.Stage(contentFill, 4)), new AffinityRanker(0.1f), mmr, extensions);
        boughtTogether = pipeline(Scenes.BOUGHT_TOGETHER, List.of(
                new Pipeline.Stage(new AnchorNeighbours(1f, true), 4),
                new Pipeline.Stage(new RelatedPurchases(0.7f, contentFill), 4)), new AffinityRanker(0.1f), mmr,
                extensions);
        searchPipeline = pipeline(Scenes.SEARCH, List.of(new Pipeline.Stage(new SearchHits(), 1_000)),
                new PersonalRanker(history, 0.3f, 0.3f, 0.7f), mmr, extensions);
        promotions = pipeline(Scenes.PROMOTIONS, List.of(new Pipeline.Stage(new PromotionSource(), 4)),
                new AffinityRanker(0f), mmr, extensions);
    }

    private static Pipeline pipeline(String scene, List<Pipeline.Stage> stages, Ranker ranker, MmrReranker mmr,
            ServingExtensions ext) {
        List<Pipeline.Stage> all = new ArrayList<>(stages);
        all.addAll(ext.sources().getOrDefault(scene, List.of()));
        return new Pipeline(all, ext.rankers().getOrDefault(scene, ranker), mmr);
    }

    public SceneSettings settings() {
        return settings;
    }

    /** How the search scene retrieves now: hybrid (BM25 + dense) or lexical. */
    public SemanticIndex.Mode searchMode() {
        return search.mode();
    }

    /** A rendered response and the id it was served under. */
    public record Response(String requestId, byte[] json) {
    }

    /** The homepage rows for a customer. */
    public Response home(String customerId, ListQuery q) {
        RecommendationContext ctx = begin(Scenes.HOME, q);
        try {
            loadCustomer(ctx, customerId);
            Shopper s = ctx.shopper();
            // What the customer just looked at is not news to them: keep it off the page.
            for (int e = s.historyLength() - 1; e >= Math.max(0, s.historyLength() - HistoryWeights.WINDOW); e--) {
                ctx.exclude(s.historyItem(e));
            }
            List<Rule> r = rules.get().rules();
            JsonWriter w = ctx.json();
            w.beginObject();
            header(w, ctx);
            w.name("customer").value(customerId);
            w.name("rows").beginArray();
            List<String> served = new ArrayList<>();
            IntList servedItems = new IntList();

            RankedItems forYouItems = forYou.run(ctx, r, q.k());
            row(w, ctx, "for-you", "For you", -1, forYouItems, served, servedItems);

            int anchor = s.historyLength() > 0 ? s.historyItem(s.historyLength() - 1) : -1;
            if (anchor >= 0) {
                ctx.anchor(anchor);
                RankedItems becauseItems = because.run(ctx, r, q.k());
                String verb = HistoryWeights.verb(s.strongestType(anchor));
                row(w, ctx, "because-you-viewed", "Because you " + verb + " " + ctx.title(anchor), anchor,
                        becauseItems, served, servedItems);
                ctx.anchor(-1);
            }
            RankedItems trendingItems = trending.run(ctx, r, q.k());
            String trendTitle = s.segmentCount() > 0 ? "Trending for " + ctx.segmentName(s.segment(0))
                    : "Trending now";
            row(w, ctx, "trending", trendTitle, -1, trendingItems, served, servedItems);

            RankedItems dealItems = deals.run(ctx, r, q.k());
            row(w, ctx, "deals", "Deals for you", -1, dealItems, served, servedItems);
            w.endArray();
            w.endObject();
            return finish(ctx, served, servedItems.toArray());
        } finally {
            release(ctx);
        }
    }

    /** Items similar to an item (item page). */
    public Response similar(String itemId, ListQuery q) {
        return itemScene(Scenes.SIMILAR, similar, itemId, q);
    }

    /** Items bought together with an item (item page, cart). */
    public Response boughtTogether(String itemId, ListQuery q) {
        return itemScene(Scenes.BOUGHT_TOGETHER, boughtTogether, itemId, q);
    }

    private Response itemScene(String scene, Pipeline pipeline, String itemId, ListQuery q) {
        RecommendationContext ctx = begin(scene, q);
        try {
            int anchor = ctx.catalog().indexOf(itemId);
            if (anchor < 0) {
                throw new UnknownEntityException("item", itemId, "upsert it first with POST /v1/items");
            }
            if (q.customer() != null) {
                loadCustomer(ctx, q.customer());
            }
            ctx.anchor(anchor);
            RankedItems items = pipeline.run(ctx, rules.get().rules(), q.k());
            JsonWriter w = ctx.json();
            w.beginObject();
            header(w, ctx);
            w.name("anchor");
            itemRef(w, ctx, anchor);
            List<String> served = new ArrayList<>();
            items(w, ctx, items, served);
            w.endObject();
            return finish(ctx, served, itemArray(items));
        } finally {
            release(ctx);
        }
    }

    /** Search results for a customer, re-ranked by their taste. */
    public Response search(String customerId, String text, ListQuery q) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty()) {
            throw ValidationException.of("q", "missing search text");
        }
        if (query.length() > 200) {
            throw ValidationException.of("q", "longer than 200 characters");
        }
        RecommendationContext ctx = begin(Scenes.SEARCH, q);
        try {
            loadCustomer(ctx, customerId);
            ctx.query(query);
            int n = settings.searchCandidates();
            int[] hitItems = new int[n];
            float[] hitScores = new float[n];
            SemanticSearch.Hits found = search.search(query, hitItems, hitScores);
            int hits = found.count();
            ctx.hits(hitItems, hitScores, hits);
            RankedItems items = searchPipeline.run(ctx, rules.get().rules(), q.k());
            JsonWriter w = ctx.json();
            w.beginObject();
            header(w, ctx);
            w.name("customer").value(customerId);
            w.name("query").value(query);
            w.name("mode").value(found.mode().wireName());
            w.name("matches").value(hits);
            List<String> served = new ArrayList<>();
            items(w, ctx, items, served);
            w.endObject();
            return finish(ctx, served, itemArray(items));
        } finally {
            release(ctx);
        }
    }

    /** Items to promote to a customer segment. */
    public Response promotions(String segmentName, ListQuery q) {
        RecommendationContext ctx = begin(Scenes.PROMOTIONS, q);
        try {
            int seg = ctx.models().segment(segmentName);
            if (seg < 0) {
                List<String> known = new ArrayList<>();
                for (int s = 0; s < ctx.models().segments().size(); s++) {
                    known.add(ctx.models().segments().id(s));
                }
                throw new UnknownEntityException("segment", segmentName, known.isEmpty()
                        ? "the models know no segments yet" : "known segments: " + String.join(", ", known));
            }
            ctx.segment(seg);
            RankedItems items = promotions.run(ctx, rules.get().rules(), q.k());
            JsonWriter w = ctx.json();
            w.beginObject();
            header(w, ctx);
            w.name("segment").value(segmentName);
            List<String> served = new ArrayList<>();
            items(w, ctx, items, served);
            w.endObject();
            return finish(ctx, served, itemArray(items));
        } finally {
            release(ctx);
        }
    }

    private RecommendationContext begin(String scene, ListQuery q) {
        if (q.k() > settings.maxK()) {
            throw new ValidationException(Problem.of("k", "must be <= " + settings.maxK() + ", was " + q.k()));
        }
        RecommendationContext ctx = pool.poll();
        if (ctx == null) {
            ctx = new RecommendationContext();
        }
        ctx.begin(scene, ledger.newId(), models.get(), catalog, timeoutNanos);
        ctx.lang(q.lang());
        ctx.filters(q.filters());
        ctx.diversity(Float.isNaN(q.diversity()) ? settings.diversity(scene) : q.diversity());
        for (String id : q.exclude()) {
            ctx.exclude(ctx.catalog().indexOf(id));
        }
        return ctx;
    }

    private void release(RecommendationContext ctx) {
        if (pool.size() < POOL_LIMIT) {
            pool.offer(ctx);
        }
    }

    private void loadCustomer(RecommendationContext ctx, String id) {
        ModelSet m = ctx.models();
        var known = customers.find(id, m);
        if (known.isEmpty()) {
            throw new UnknownEntityException("customer", id, "upsert it first with POST /v1/customers");
        }
        int[] segments = null;
        if (!known.get().fromModels()) {
            List<String> names = known.get().segments();
            segments = new int[names.size()];
            for (int i = 0; i < segments.length; i++) {
                segments[i] = m.segment(names.get(i));
            }
        }
        int[] liveItems = ctx.liveItems(events.perCustomer());
        String key = customers.key(id);
        int n = events.recent(key, m.info().watermark(), liveItems, ctx.liveTypes());
        ctx.shopper().load(key, m, ctx.catalog(), segments, liveItems, ctx.liveTypes(), n);
    }

    private static void header(JsonWriter w, RecommendationContext ctx) {
        w.name("request_id").value(ctx.requestId());
        w.name("scene").value(ctx.scene());
        w.name("model_set").value(ctx.models().info().label());
    }

    private void row(JsonWriter w, RecommendationContext ctx, String kind, String title, int anchor,
            RankedItems items, List<String> served, IntList servedItems) {
        if (items.size() == 0) {
            return;
        }
        w.beginObject();
        w.name("kind").value(kind);
        w.name("title").value(title);
        if (anchor >= 0) {
            w.name("anchor");
            itemRef(w, ctx, anchor);
        }
        items(w, ctx, items, served);
        w.endObject();
        for (int i = 0; i < items.size(); i++) {
            servedItems.add(items.item(i));
        }
    }

    private static void itemRef(JsonWriter w, RecommendationContext ctx, int item) {
        w.beginObject();
        w.name("id").value(ctx.catalog().id(item));
        w.name("title").value(ctx.title(item));
        w.endObject();
    }

    private static final byte[] ITEMS = JsonWriter.key("items");
    private static final byte[] TITLE = JsonWriter.key("title");
    private static final byte[] SCORE = JsonWriter.key("score");
    private static final byte[] SOURCE = JsonWriter.key("source");
    private static final byte[] REASON = JsonWriter.key("reason");

    private static void items(JsonWriter w, RecommendationContext ctx, RankedItems items, List<String> served) {
        LiveCatalog.View cat = ctx.catalog();
        String lang = ctx.lang();
        w.name(ITEMS).beginArray();
        for (int i = 0; i < items.size(); i++) {
            int item = items.item(i);
            w.beginObject();
            w.rawMembers(cat.json(item));
            if (cat.primaryTitle(item, lang)) {
                w.rawMembers(cat.titleJson(item));
            } else {
                w.name(TITLE).value(cat.title(item, lang));
            }
            w.name(SCORE).score(items.score(i));
            w.name(SOURCE).value(items.source(i));
            w.name(REASON).value(items.reason(i));
            w.endObject();
            served.add(items.source(i));
        }
        w.endArray();
    }

    private static int[] itemArray(RankedItems items) {
        int[] a = new int[items.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = items.item(i);
        }
        return a;
    }

    private Response finish(RecommendationContext ctx, List<String> served, int[] items) {
        String label = ctx.models().info().label();
        ledger.record(ctx.requestId(), ctx.scene(), label, items, served);
        metrics.served(ctx.scene(), label, served);
        return new Response(ctx.requestId(), ctx.json().toByteArray());
    }

    /** A growable int list for the items of a page. */
    private static final class IntList {
        private int[] a = new int[64];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
