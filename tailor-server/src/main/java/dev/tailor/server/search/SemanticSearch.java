// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.search;

import dev.tailor.core.domain.Item;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.text.EmbeddingStore;
import dev.tailor.text.cache.EmbeddingKey;
import dev.tailor.text.twotower.ItemTexts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hybrid search: BM25 ({@link SearchIndex}) and dense retrieval over item-text vectors ({@link DenseIndex}, the
 * query encoded by the same language model as the items), combined by reciprocal-rank fusion (Cormack, Clarke &
 * Buettcher, SIGIR 2009): an item's score is the sum over the two lists of {@code 1 / (k + rank)}, k = 60. RRF
 * needs no calibration between BM25 scores and cosines, which live on unrelated scales. The dense side finds
 * items that share no word with the query ("手机保护套" finds "手机壳"); BM25 keeps exact matches (model numbers,
 * brands) on top. Dense hits below {@code minSimilarity} are ignored, so a query about nothing in the catalog
 * does not drag in its nearest-but-unrelated items. Without item vectors ({@link SemanticIndex.Mode#LEXICAL})
 * it is BM25 alone. Thread-safe.
 */
public final class SemanticSearch {
    /** The RRF constant of Cormack et al.; larger values flatten the difference between ranks. */
    public static final int RRF_K = 60;
    /** Default cosine below which a dense hit is ignored (unrelated product titles score about 0.1 to 0.3). */
    public static final float DEFAULT_MIN_SIMILARITY = 0.4f;

    private final SearchIndex bm25;
    private final SemanticIndex dense;
    private final float minSimilarity;

    /** What a search found and how. */
    public record Hits(int count, SemanticIndex.Mode mode) {
    }

    /**
     * @param dense the item vectors and query encoder; while it is off, search is BM25 alone
     * @param minSimilarity cosine below which a dense hit is ignored
     */
    public SemanticSearch(SearchIndex bm25, SemanticIndex dense, float minSimilarity) {
        this.bm25 = Objects.requireNonNull(bm25, "bm25");
        this.dense = Objects.requireNonNull(dense, "dense");
        if (!(minSimilarity >= -1 && minSimilarity < 1)) {
            throw ValidationException.of("minSimilarity", "expected a cosine in [-1, 1), got " + minSimilarity);
        }
        this.minSimilarity = minSimilarity;
    }

    /** The mode the next search runs in. */
    public SemanticIndex.Mode mode() {
        return dense.mode();
    }

    /**
     * The best matches for a text: fused from both retrievers while the dense index is on, else BM25's.
     *
     * @param items receives catalog indices, best first
     * @param scores receives fused RRF scores (hybrid) or BM25 scores (lexical)
     */
    public Hits search(String text, int[] items, float[] scores) {
        SemanticIndex.Mode mode = dense.mode();
        if (items.length == 0 || text == null || text.isBlank()) {
            return new Hits(0, mode);
        }
        if (mode == SemanticIndex.Mode.LEXICAL) {
            return new Hits(bm25.search(text, items, scores), mode);
        }
        // Each side retrieves deeper than asked, so an item ranked moderately by both can win the fusion.
        int depth = Math.max(2 * items.length, 50);
        int[] lexical = new int[depth];
        float[] lexicalScores = new float[depth];
        int nl = bm25.search(text, lexical, lexicalScores);
        int[] semantic = new int[depth];
        float[] semanticScores = new float[depth];
        int ns = dense.search(text, semantic, semanticScores, minSimilarity);
        return new Hits(fuse(lexical, nl, semantic, ns, RRF_K, items, scores), mode);
    }

    /**
     * Reciprocal-rank fusion of two ranked lists of distinct ids: score = sum of 1/(k + rank), rank from 1; ties
     * by first appearance (list a before list b). Writes at most {@code out.length} results.
     */
    static int fuse(int[] a, int na, int[] b, int nb, int k, int[] out, float[] outScores) {
        int[] ids = new int[na + nb];
        double[] score = new double[na + nb];
        int n = 0;
        for (int r = 0; r < na; r++) {
            ids[n] = a[r];
            score[n++] = 1.0 / (k + r + 1);
        }
        for (int r = 0; r < nb; r++) {
            int found = -1;
            for (int j = 0; j < na; j++) {
                if (ids[j] == b[r]) {
                    found = j;
                    break;
                }
            }
            if (found >= 0) {
                score[found] += 1.0 / (k + r + 1);
            } else {
                ids[n] = b[r];
                score[n++] = 1.0 / (k + r + 1);
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> score[x] != score[y] ? Double.compare(score[y], score[x])
                : Integer.compare(x, y));
        int m = Math.min(n, out.length);
        for (int i = 0; i < m; i++) {
            out[i] = ids[order[i]];
            outScores[i] = (float) score[order[i]];
        }
        return m;
    }

    /**
     * The dense index of a catalog from the store's embedding cache ({@code tailor embed} fills it): each item's
     * text ({@link ItemTexts#of(Item)}) is looked up by model and hash. Empty when no item has a vector for the
     * model, which is how semantic search stays off until the catalog is embedded; items without a vector are
     * found by BM25 only.
     *
     * @param catalogIndices catalog index of each item, aligned with {@code items}
     */
    public static Optional<DenseIndex> fromCache(List<Item> items, int[] catalogIndices, EmbeddingStore cache,
            String modelId) {
        List<String> hashes = new ArrayList<>(items.size());
        for (Item item : items) {
            hashes.add(EmbeddingKey.of(modelId, ItemTexts.of(item)).textSha256());
        }
        Map<String, float[]> found = cache.get(modelId, hashes);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int dim = found.values().iterator().next().length;
        int[] rows = new int[items.size()];
        float[] vectors = new float[items.size() * dim];
        int n = 0;
        for (int i = 0; i < items.size(); i++) {
            float[] v = found.get(hashes.get(i));
            if (v != null && v.length == dim) {
                rows[n] = catalogIndices[i];
                System.arraycopy(v, 0, vectors, n * dim, dim);
                n++;
            }
        }
        return Optional.of(new DenseIndex(dim, Arrays.copyOf(rows, n), Arrays.copyOf(vectors, n * dim)));
    }
}
