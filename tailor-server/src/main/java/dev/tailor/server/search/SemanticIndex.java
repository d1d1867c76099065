// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.search;

import dev.tailor.core.domain.Item;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.text.EmbeddingStore;
import dev.tailor.text.cache.CachingTextEncoder;
import dev.tailor.text.cache.StoreEmbeddingCache;
import dev.tailor.text.encoder.EncoderConfig;
import dev.tailor.text.encoder.Encoders;
import dev.tailor.text.twotower.ItemTexts;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog's item-text vectors in the server, and the language model that encodes queries and new items into
 * the same space. Item vectors come from the store's embedding cache, which {@code tailor embed} fills; the
 * server never encodes a whole catalog at start. That cache is also the switch: with vectors for the configured
 * model the index is on ({@link Mode#HYBRID}); without, it stays off ({@link Mode#LEXICAL}, search is BM25 only,
 * and the model is not even loaded), and the reason is logged and kept for {@link #describe()}.
 *
 * <p>While on, items upserted through the API are encoded at once (through the same cache, so an unchanged text
 * costs a lookup) and are searchable and have text neighbours from the next request. They live in a small
 * overlay next to the immutable base index, whose rows for them are skipped; the overlay is folded into the base
 * when it grows, and dropped at every {@link #reload} (catalog or model refresh), which rereads the cache.
 *
 * <p>Thread-safe: readers take the current immutable {@link State}; writers are serialized.
 */
public final class SemanticIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SemanticIndex.class);
    /** The configured model name that turns semantic search off without looking for vectors. */
    public static final String NONE = "none";
    /** Overlay rows beyond which they are folded into the base (each upsert rebuilds the overlay's index). */
    static final int FOLD_AT = 1_024;
    /**
     * Query vectors kept: shoppers repeat a small set of queries; cleared whole when full, like BM25's cache. At 896
     * floats (multilingual) that is at most 7 MB.
     */
    static final int QUERY_CACHE = 2_000;

    /** How search runs. */
    public enum Mode {
        /** BM25 and dense retrieval, fused by reciprocal rank. */
        HYBRID,
        /** BM25 only: semantic search is off or the catalog has no vectors for the model. */
        LEXICAL;

        /** The name in responses and configuration. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What readers see, never changed once published.
     *
     * @param base vectors read from the cache at the last reload (or fold)
     * @param stale catalog indices whose base row is out of date (the overlay has their vector)
     * @param recent the overlay's rows: items encoded since
     * @param reason why the index is off; empty when it is on
     */
    record State(DenseIndex base, BitSet stale, DenseIndex recent, Optional<String> reason) {
        boolean on() {
            return reason.isEmpty();
        }
    }

    private record Entry(float[] vector, long sequence) {
    }

    private final int foldAt;
    private final String modelName;
    private final EncoderConfig config;
    private final String modelId;
    private final Optional<EmbeddingStore> store;
    private final Object lock = new Object();
    private final Map<String, float[]> queryVectors = new ConcurrentHashMap<>();
    private volatile State state;
    /** Written under {@link #lock}: the model, loaded the first time vectors exist. */
    private volatile Encoders.Opened opened;
    private volatile CachingTextEncoder itemEncoder;
    /** Guarded by {@link #lock}: items encoded since the base was built, by catalog index, in upsert order. */
    private final LinkedHashMap<Integer, Entry> overlay = new LinkedHashMap<>();
    private long sequence;
    private volatile boolean closed;

    /**
     * @param modelName the encoder, as {@link Encoders#open} takes it, or {@value #NONE}
     * @param config how the encoder runs (its token limit is part of the model id the cache is keyed by)
     * @param store the store's embedding cache; empty for a store without one (then the index stays off)
     * @throws dev.tailor.core.error.ValidationException for an unknown model name, listing the known ones
     */
    public SemanticIndex(String modelName, EncoderConfig config, Optional<EmbeddingStore> store) {
        this(modelName, config, store, FOLD_AT);
    }

    /** As the public constructor, folding the overlay into the base at {@code foldAt} rows (tests). */
    SemanticIndex(String modelName, EncoderConfig config, Optional<EmbeddingStore> store, int foldAt) {
        this.foldAt = foldAt;
        this.modelName = modelName.trim();
        this.config = config;
        this.store = store;
        boolean none = this.modelName.equalsIgnoreCase(NONE);
        this.modelId = none ? "" : Encoders.modelId(this.modelName, config);
        String reason = none ? "semantic search is off (text model 'none')"
                : store.isEmpty() ? "the store keeps no item vectors" : "the catalog is not loaded yet";
        this.state = new State(DenseIndex.empty(1), new BitSet(), DenseIndex.empty(1), Optional.of(reason));
    }

    /** Lexical search only, no model. */
    public static SemanticIndex off() {
        return new SemanticIndex(NONE, EncoderConfig.defaults(), Optional.empty());
    }

    public Mode mode() {
        return state.on() ? Mode.HYBRID : Mode.LEXICAL;
    }

    /** The model id the item vectors are keyed by; empty when the model is {@value #NONE}. */
    public String modelId() {
        return modelId;
    }

    /** One line for logs and health: the mode, the model and how many items have vectors, or why it is off. */
    public String describe() {
        State s = state;
        if (s.on()) {
            return String.format(Locale.ROOT, "hybrid (BM25 + %s, %,d items with vectors)", modelId,
                    s.base().size() - s.stale().cardinality() + s.recent().size());
        }
        return "lexical (BM25 only): " + s.reason().orElseThrow();
    }

    /** Rows in the overlay (items encoded since the base was built), for tests. */
    int overlaySize() {
        return state.recent().size();
    }

    /** Items with a current vector. */
    public int size() {
        State s = state;
        return s.on() ? s.base().size() - s.stale().cardinality() + s.recent().size() : 0;
    }

    /**
     * Rebuilds the index from the store's embedding cache for the whole catalog: at start and after each catalog
     * or model refresh, so that vectors {@code tailor embed} added meanwhile are used. Loads the model the first
     * time vectors exist.
     *
     * @param indices catalog index of each item, aligned with {@code items}
     * @return the mode afterwards
     */
    public Mode reload(List<Item> items, int[] indices) {
        if (modelId.isEmpty() || store.isEmpty() || closed) {
            return mode();
        }
        long startedAt;
        synchronized (lock) {
            startedAt = sequence;
        }
        long t0 = System.nanoTime();
        Optional<DenseIndex> found = SemanticSearch.fromCache(items, indices, store.get(), modelId);
        synchronized (lock) {
            if (closed) {
                return mode();
            }
            if (found.isEmpty()) {
                publishOff("no item vectors for " + modelId + " in the store; run 'tailor embed --model "
                        + modelName + "' and retrain (or restart) to search by meaning");
                return Mode.LEXICAL;
            }
            DenseIndex base = found.get();
            if (!openModel(base.dim())) {
                return Mode.LEXICAL;
            }
            // Items encoded after this reload began may be missing from (or older in) what it read: keep them.
            overlay.values().removeIf(e -> e.sequence() <= startedAt);
            publish(base);
        }
        LOG.info("search mode: {}; {} of {} catalog items read from the embedding cache in {} ms",
                describe(), found.get().size(), items.size(), (System.nanoTime() - t0) / 1_000_000);
        return Mode.HYBRID;
    }

    /** Guarded by {@link #lock}. False (and the index off, with the reason logged) when the model cannot serve. */
    private boolean openModel(int storedDim) {
        if (opened == null) {
            try {
                opened = Encoders.open(modelName, config);
            } catch (TailorException e) {
                publishOff("the text model " + modelName + " could not be loaded: " + e.getMessage());
                return false;
            }
            itemEncoder = new CachingTextEncoder(opened.encoder(), modelId, new StoreEmbeddingCache(store.get()));
        }
        if (opened.encoder().dimension() != storedDim) {
            publishOff("the stored vectors of " + modelId + " have " + storedDim + " dimensions, the model gives "
                    + opened.encoder().dimension() + "; run 'tailor embed' again");
            return false;
        }
        return true;
    }

    private void publishOff(String reason) {
        overlay.clear();
        state = new State(DenseIndex.empty(1), new BitSet(), DenseIndex.empty(1), Optional.of(reason));
        LOG.warn("search mode: lexical (BM25 only): {}", reason);
    }

    /** Guarded by {@link #lock}: the base with the overlay's rows marked stale in it, and the overlay's index. */
    private void publish(DenseIndex base) {
        int dim = base.dim();
        BitSet stale = new BitSet();
        int[] rows = new int[overlay.size()];
        float[] vectors = new float[overlay.size() * dim];
        int n = 0;
        for (Map.Entry<Integer, Entry> e : overlay.entrySet()) {
            int c = e.getKey();
            if (base.contains(c)) {
                stale.set(c);
            }
            rows[n] = c;
            System.arraycopy(e.getValue().vector(), 0, vectors, n * dim, dim);
            n++;
        }
        state = new State(base, stale, new DenseIndex(dim, rows, vectors), Optional.empty());
    }

    /**
     * Encodes upserted items (their text: title, category path, brand) so they are found by meaning from the
     * next request. Does nothing while the index is off: then new items wait for {@code tailor embed}. A failure
     * of the model or of the cache is logged, not thrown: the items are stored and found by BM25 regardless.
     *
     * @param indices catalog index of each item, aligned with {@code items}
     */
    public void upsert(List<Item> items, int[] indices) {
        CachingTextEncoder encoder = itemEncoder;
        if (!state.on() || encoder == null || items.isEmpty()) {
            return;
        }
        List<String> texts = new ArrayList<>(items.size());
        for (Item item : items) {
            texts.add(ItemTexts.of(item));
        }
        List<float[]> vectors;
        try {
            vectors = encoder.encode(texts);
        } catch (TailorException e) {
            // The items are stored and searchable by BM25 already; failing the upsert for their vectors would not
            // undo that. The next reload reads whatever the cache holds.
            LOG.warn("{} upserted items not encoded for search by meaning: {}", items.size(), e.getMessage());
            return;
        }
        synchronized (lock) {
            State s = state;
            if (!s.on() || closed) {
                return;
            }
            for (int i = 0; i < indices.length; i++) {
                overlay.remove(indices[i]);
                overlay.put(indices[i], new Entry(vectors.get(i), ++sequence));
            }
            if (overlay.size() >= foldAt) {
                DenseIndex merged = fold(s);
                overlay.clear();
                publish(merged);
            } else {
                publish(s.base());
            }
        }
    }

    /** Guarded by {@link #lock}: one index of the base's current rows and the overlay. */
    private DenseIndex fold(State s) {
        DenseIndex base = s.base();
        int dim = base.dim();
        // The overlay, not the published stale set: it also holds the rows of the upsert being folded.
        int[] all = base.catalogIndices();
        int kept = 0;
        for (int c : all) {
            kept += overlay.containsKey(c) ? 0 : 1;
        }
        int[] rows = new int[kept + overlay.size()];
        float[] vectors = new float[rows.length * dim];
        float[] v = new float[dim];
        int n = 0;
        for (int c : all) {
            if (!overlay.containsKey(c)) {
                base.vector(c, v);
                rows[n] = c;
                System.arraycopy(v, 0, vectors, n++ * dim, dim);
            }
        }
        for (Map.Entry<Integer, Entry> e : overlay.entrySet()) {
            rows[n] = e.getKey();
            System.arraycopy(e.getValue().vector(), 0, vectors, n++ * dim, dim);
        }
        return new DenseIndex(dim, rows, vectors);
    }

    /**
     * The items nearest to a query text by meaning, best first.
     *
     * @param minSimilarity cosine below which items are left out
     * @return how many were written; 0 while the index is off
     */
    public int search(String text, int[] items, float[] scores, float minSimilarity) {
        State s = state;
        Encoders.Opened model = opened;
        if (!s.on() || model == null || text.isBlank()) {
            return 0;
        }
        float[] q = queryVectors.get(text);
        if (q == null) {
            q = model.encoder().encode(List.of(text)).get(0);
            if (queryVectors.size() >= QUERY_CACHE) {
                queryVectors.clear();
            }
            queryVectors.put(text, q);
        }
        return nearest(s, q, items, scores, minSimilarity, -1);
    }

    /**
     * The items whose text is nearest to a catalog item's, best first, the item itself left out.
     *
     * @return how many were written; 0 while the index is off or the item has no vector
     */
    public int similar(int catalogIndex, int[] items, float[] scores, float minSimilarity) {
        State s = state;
        if (!s.on()) {
            return 0;
        }
        float[] v = new float[s.base().dim()];
        if (!s.recent().vector(catalogIndex, v)
                && (s.stale().get(catalogIndex) || !s.base().vector(catalogIndex, v))) {
            return 0;
        }
        return nearest(s, v, items, scores, minSimilarity, catalogIndex);
    }

    /** Top k over the base (stale rows and {@code self} skipped) and the overlay, merged by cosine. */
    private static int nearest(State s, float[] q, int[] items, float[] scores, float minSimilarity, int self) {
        int k = items.length;
        BitSet baseSkip = s.stale();
        BitSet recentSkip = new BitSet();
        if (self >= 0) {
            baseSkip = (BitSet) baseSkip.clone();
            baseSkip.set(self);
            recentSkip.set(self);
        }
        int[] a = new int[k];
        float[] as = new float[k];
        int na = s.base().search(q, a, as, baseSkip);
        int[] b = new int[k];
        float[] bs = new float[k];
        int nb = s.recent().size() == 0 ? 0 : s.recent().search(q, b, bs, recentSkip);
        int n = 0;
        int i = 0;
        int j = 0;
        while (n < k && (i < na || j < nb)) {
            boolean fromA = j >= nb || (i < na && as[i] >= bs[j]);
            float score = fromA ? as[i] : bs[j];
            if (score < minSimilarity) {
                break;
            }
            items[n] = fromA ? a[i++] : b[j++];
            scores[n++] = score;
        }
        return n;
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (opened != null) {
                opened.close();
            }
        }
    }
}
