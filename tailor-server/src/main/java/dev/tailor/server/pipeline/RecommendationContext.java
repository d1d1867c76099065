// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.json.JsonWriter;
import dev.tailor.server.model.ModelSet;
import java.util.Arrays;

/**
 * Everything one recommendation request works with: the scene, the model set and catalog view it read once at
 * the start, the customer, the page's item, filters, the exclusion set (the request's exclude list plus items
 * already shown in earlier rows of the same page) and the pooled buffers the pipeline fills. Pooled: the
 * server hands one to each request and takes it back afterwards, so steady-state requests allocate little.
 */
public final class RecommendationContext {
    private String scene;
    private String requestId;
    private ModelSet models;
    private LiveCatalog catalog;
    private LiveCatalog.View view;
    private String lang;
    private Filters filters = Filters.NONE;
    private boolean[] allowedCategory = new boolean[64];
    private float diversity;
    private long deadlineNanos;
    private int anchor = -1;
    private int k = 10;
    private int segment = -1;
    private String query;
    private int[] hitItems = new int[256];
    private float[] hitScores = new float[256];
    private int hitCount;

    private int[] excludeStamp = new int[0];
    private int excludeGeneration;

    private final Shopper shopper = new Shopper();
    private final Candidates candidates = new Candidates();
    private final Selection selection = new Selection();
    private final Accumulator accumulator = new Accumulator();
    private final JsonWriter json = new JsonWriter(8192);
    private int[] liveItems = new int[0];
    private byte[] liveTypes = new byte[0];
    private int[] itemBuffer = new int[256];
    private int[] memberBuffer = new int[256];
    private float[] scoreBuffer = new float[256];

    /**
     * Starts a request.
     *
     * @param timeoutNanos the time budget from now
     */
    public RecommendationContext begin(String sceneName, String id, ModelSet modelSet, LiveCatalog liveCatalog,
            long timeoutNanos) {
        this.scene = sceneName;
        this.requestId = id;
        this.models = modelSet;
        this.catalog = liveCatalog;
        this.view = liveCatalog.view();
        this.lang = null;
        this.filters = Filters.NONE;
        this.diversity = 0f;
        this.anchor = -1;
        this.segment = -1;
        this.query = null;
        this.hitCount = 0;
        this.deadlineNanos = System.nanoTime() + timeoutNanos;
        shopper.clear();
        int n = view.size();
        if (excludeStamp.length < n) {
            excludeStamp = new int[Math.max(n, excludeStamp.length * 3 / 2)];
            excludeGeneration = 0;
        }
        if (++excludeGeneration == Integer.MAX_VALUE) {
            Arrays.fill(excludeStamp, 0);
            excludeGeneration = 1;
        }
        json.reset();
        return this;
    }

    public String scene() {
        return scene;
    }

    public String requestId() {
        return requestId;
    }

    public ModelSet models() {
        return models;
    }

    public LiveCatalog.View catalog() {
        return view;
    }

    /** Category and brand names (dictionaries that only grow). */
    public LiveCatalog names() {
        return catalog;
    }

    public Shopper shopper() {
        return shopper;
    }

    public Candidates candidates() {
        return candidates;
    }

    public Selection selection() {
        return selection;
    }

    public Accumulator accumulator() {
        return accumulator;
    }

    public JsonWriter json() {
        return json;
    }

    /** Language for titles ("zh", "en"), or null for each item's primary title. */
    public String lang() {
        return lang;
    }

    public void lang(String language) {
        this.lang = language;
    }

    /** The page's item (similar, bought together), or -1. */
    public int anchor() {
        return anchor;
    }

    public void anchor(int item) {
        this.anchor = item;
        if (item >= 0) {
            exclude(item);
        }
    }

    /** Items asked for in the list being built (set by the pipeline). */
    public int k() {
        return k;
    }

    public void k(int n) {
        this.k = n;
    }

    /** The segment a promotions request is for, or -1. */
    public int segment() {
        return segment;
    }

    public void segment(int s) {
        this.segment = s;
    }

    /** The search text of a search request, or null. */
    public String query() {
        return query;
    }

    public void query(String q) {
        this.query = q;
    }

    /** Stores text-retrieval hits (catalog indices, best first) for the search source to read. */
    public void hits(int[] items, float[] scores, int count) {
        if (hitItems.length < count) {
            hitItems = new int[count];
            hitScores = new float[count];
        }
        System.arraycopy(items, 0, hitItems, 0, count);
        System.arraycopy(scores, 0, hitScores, 0, count);
        hitCount = count;
    }

    public int hitCount() {
        return hitCount;
    }

    public int hitItem(int i) {
        return hitItems[i];
    }

    public float hitScore(int i) {
        return hitScores[i];
    }

    /** Diversity strength in [0, 1]: 0 ranks by relevance alone. */
    public float diversity() {
        return diversity;
    }

    public void diversity(float strength) {
        this.diversity = strength;
    }

    public Filters filters() {
        return filters;
    }

    public void filters(Filters f) {
        this.filters = f;
        if (f.category() != null) {
            int cats = catalog.categoryCount();
            if (allowedCategory.length < cats) {
                allowedCategory = new boolean[Math.max(cats, allowedCategory.length * 2)];
            }
            for (int c = 0; c < cats; c++) {
                allowedCategory[c] = f.matchesCategory(catalog.categoryName(c));
            }
        }
    }

    /** Buffers for a customer's live events, sized for {@code n}. */
    public int[] liveItems(int n) {
        if (liveItems.length < n) {
            liveItems = new int[n];
            liveTypes = new byte[n];
        }
        return liveItems;
    }

    public byte[] liveTypes() {
        return liveTypes;
    }

    /** Scratch arrays of at least {@code n} entries for sources that need a temporary list. */
    public int[] itemBuffer(int n) {
        if (itemBuffer.length < n) {
            itemBuffer = new int[n];
            scoreBuffer = new float[n];
        }
        return itemBuffer;
    }

    /** A second scratch list, for category members (kept apart from {@link #itemBuffer}). */
    public int[] memberBuffer(int n) {
        if (memberBuffer.length < n) {
            memberBuffer = new int[Math.max(n, memberBuffer.length * 2)];
        }
        return memberBuffer;
    }

    public float[] scoreBuffer() {
        return scoreBuffer;
    }

    /** Keeps {@code item} out of every list of this request. */
    public void exclude(int item) {
        if (item >= 0 && item < excludeStamp.length) {
            excludeStamp[item] = excludeGeneration;
        }
    }

    public boolean excluded(int item) {
        return item < excludeStamp.length && excludeStamp[item] == excludeGeneration;
    }

    /**
     * Whether an item may be proposed at all: known to this request's catalog view, not excluded, and passing
     * the request's filters. Business rules (bought, out of stock, caps) come later, in the pipeline.
     */
    public boolean admissible(int item) {
        if (item < 0 || item >= view.size() || excludeStamp[item] == excludeGeneration) {
            return false;
        }
        Filters f = filters;
        if (f == Filters.NONE) {
            return true;
        }
        if (f.inStockOnly() && !view.available(item)) {
            return false;
        }
        if (f.category() != null) {
            int c = view.category(item);
            if (c < 0 || c >= allowedCategory.length || !allowedCategory[c]) {
                return false;
            }
        }
        if (f.hasPrice()) {
            float p = view.price(item);
            if (Float.isNaN(p) || (!Double.isNaN(f.minPrice()) && p < f.minPrice())
                    || (!Double.isNaN(f.maxPrice()) && p > f.maxPrice())) {
                return false;
            }
        }
        return true;
    }

    /** Title of an item in the request's language. */
    public String title(int item) {
        return view.title(item, lang);
    }

    /** Name of a model-set segment index. */
    public String segmentName(int segment) {
        return models.segments().id(segment);
    }

    /** Throws when the request ran past its time budget. */
    public void checkDeadline() {
        if (System.nanoTime() > deadlineNanos) {
            throw new RequestTimeoutException("request " + requestId + " exceeded its time budget");
        }
    }
}
