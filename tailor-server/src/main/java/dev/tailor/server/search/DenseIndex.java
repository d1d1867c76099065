// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.search;

import dev.tailor.core.error.ValidationException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Exact nearest-neighbour retrieval over unit-length item vectors by brute force: one dot product per item, a
 * bounded min-heap for the top k. For catalogs up to ~100K items this is a few tens of milliseconds per query on
 * one core and needs no index build or recall tuning, which is why it is used instead of an HNSW graph (Lucene's
 * KNN field would add a second copy of the vectors and approximate results for no gain at this size).
 * Immutable and thread-safe.
 */
public final class DenseIndex {
    private static final BitSet NONE = new BitSet();

    private final int dim;
    private final int[] catalogIndex;
    private final float[] vectors;
    /** Row of each catalog index, -1 for none: the page item's own vector is looked up on every item page. */
    private final int[] rowOf;

    /**
     * @param catalogIndex catalog index of each row
     * @param vectors row-major, {@code catalogIndex.length x dim}, rows unit length (all-zero rows never match)
     */
    public DenseIndex(int dim, int[] catalogIndex, float[] vectors) {
        if (dim <= 0 || vectors.length != (long) catalogIndex.length * dim) {
            throw ValidationException.of("vectors", "expected " + catalogIndex.length + " x " + dim + " floats, got "
                    + vectors.length);
        }
        this.dim = dim;
        this.catalogIndex = catalogIndex.clone();
        this.vectors = vectors.clone();
        int max = -1;
        for (int c : catalogIndex) {
            if (c < 0) {
                throw ValidationException.of("catalogIndex", "expected catalog indices >= 0, got " + c);
            }
            max = Math.max(max, c);
        }
        this.rowOf = new int[max + 1];
        Arrays.fill(rowOf, -1);
        for (int r = 0; r < catalogIndex.length; r++) {
            if (rowOf[catalogIndex[r]] >= 0) {
                throw ValidationException.of("catalogIndex", "catalog index " + catalogIndex[r] + " appears twice");
            }
            rowOf[catalogIndex[r]] = r;
        }
    }

    /** An index without rows, of the given width. */
    public static DenseIndex empty(int dim) {
        return new DenseIndex(dim, new int[0], new float[0]);
    }

    /** The catalog index of each row, in row order (a copy). */
    public int[] catalogIndices() {
        return catalogIndex.clone();
    }

    /** Whether the catalog index has a row. */
    public boolean contains(int catalogIndex) {
        return catalogIndex >= 0 && catalogIndex < rowOf.length && rowOf[catalogIndex] >= 0;
    }

    /**
     * Copies the vector of a catalog index into {@code out}.
     *
     * @return false (and {@code out} untouched) when the index has no row
     */
    public boolean vector(int catalogIndex, float[] out) {
        if (!contains(catalogIndex)) {
            return false;
        }
        System.arraycopy(vectors, rowOf[catalogIndex] * dim, out, 0, dim);
        return true;
    }

    public int dim() {
        return dim;
    }

    public int size() {
        return catalogIndex.length;
    }

    /**
     * The rows most similar to {@code query} (cosine, for a unit query), best first; ties towards the lower row.
     *
     * @return how many were written: at most {@code items.length}, only rows with a positive similarity
     */
    public int search(float[] query, int[] items, float[] scores) {
        return search(query, items, scores, NONE);
    }

    /**
     * As {@link #search(float[], int[], float[])}, leaving out the catalog indices in {@code skip} (rows whose
     * vector is out of date, the page item itself).
     */
    public int search(float[] query, int[] items, float[] scores, BitSet skip) {
        if (query.length != dim) {
            throw ValidationException.of("query", "expected a " + dim + "-dim vector, got " + query.length);
        }
        int k = Math.min(items.length, catalogIndex.length);
        if (k == 0) {
            return 0;
        }
        int[] heap = new int[k];
        float[] hs = new float[k];
        int n = 0;
        for (int r = 0; r < catalogIndex.length; r++) {
            int off = r * dim;
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            int j = 0;
            for (; j + 3 < dim; j += 4) {
                s0 += query[j] * vectors[off + j];
                s1 += query[j + 1] * vectors[off + j + 1];
                s2 += query[j + 2] * vectors[off + j + 2];
                s3 += query[j + 3] * vectors[off + j + 3];
            }
            for (; j < dim; j++) {
                s0 += query[j] * vectors[off + j];
            }
            float s = (s0 + s1) + (s2 + s3);
            if (!(s > 0f) || skip.get(catalogIndex[r])) {
                continue;
            }
            if (n < k) {
                heap[n] = r;
                hs[n] = s;
                up(heap, hs, n++);
            } else if (s > hs[0]) {
                heap[0] = r;
                hs[0] = s;
                down(heap, hs, n);
            }
        }
        for (int j = n - 1; j >= 0; j--) {
            items[j] = catalogIndex[heap[0]];
            scores[j] = hs[0];
            heap[0] = heap[j];
            hs[0] = hs[j];
            down(heap, hs, j);
        }
        return n;
    }

    /** Min-heap order: lower score first, and among equal scores the higher row first (so it is evicted first). */
    private static boolean less(float sa, int ra, float sb, int rb) {
        return sa < sb || (sa == sb && ra > rb);
    }

    private static void up(int[] heap, float[] hs, int pos) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!less(hs[pos], heap[pos], hs[parent], heap[parent])) {
                return;
            }
            swap(heap, hs, pos, parent);
            pos = parent;
        }
    }

    private static void down(int[] heap, float[] hs, int size) {
        int pos = 0;
        while (true) {
            int l = 2 * pos + 1;
            if (l >= size) {
                return;
            }
            int c = l + 1 < size && less(hs[l + 1], heap[l + 1], hs[l], heap[l]) ? l + 1 : l;
            if (!less(hs[c], heap[c], hs[pos], heap[pos])) {
                return;
            }
            swap(heap, hs, pos, c);
            pos = c;
        }
    }

    private static void swap(int[] heap, float[] hs, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
        float f = hs[a];
        hs[a] = hs[b];
        hs[b] = f;
    }

    @Override
    public String toString() {
        return "DenseIndex[" + catalogIndex.length + " x " + dim + "]";
    }
}
