// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.model;

import dev.tailor.algorithms.similarity.Neighbours;

/**
 * Item-to-item neighbour lists in catalog index space: row r's neighbours are {@code item(p)} with
 * {@code similarity(p)} for p in [start(r), end(r)), best first. Rows at or beyond {@link #rows()} (items added
 * after training) have no neighbours. Immutable.
 */
public final class NeighbourTable {
    static final NeighbourTable EMPTY = new NeighbourTable(new int[1], new int[0], new float[0]);

    private final int[] ptr;
    private final int[] idx;
    private final float[] sim;

    NeighbourTable(int[] ptr, int[] idx, float[] sim) {
        this.ptr = ptr;
        this.idx = idx;
        this.sim = sim;
    }

    /**
     * Translates a trained table from snapshot indices to catalog indices, dropping neighbours that have no
     * catalog index. {@code toCatalog[s]} is the catalog index of snapshot item s.
     */
    static NeighbourTable remap(Neighbours n, int[] toCatalog, int catalogSize) {
        int[] count = new int[catalogSize + 1];
        for (int s = 0; s < n.rows(); s++) {
            int r = toCatalog[s];
            if (r < 0) {
                continue;
            }
            for (int p = n.start(s); p < n.end(s); p++) {
                if (toCatalog[n.neighbour(p)] >= 0) {
                    count[r + 1]++;
                }
            }
        }
        for (int r = 0; r < catalogSize; r++) {
            count[r + 1] += count[r];
        }
        int[] ptr = count.clone();
        int[] next = count;
        int[] idx = new int[ptr[catalogSize]];
        float[] sim = new float[idx.length];
        for (int s = 0; s < n.rows(); s++) {
            int r = toCatalog[s];
            if (r < 0) {
                continue;
            }
            for (int p = n.start(s); p < n.end(s); p++) {
                int c = toCatalog[n.neighbour(p)];
                if (c >= 0) {
                    int at = next[r]++;
                    idx[at] = c;
                    sim[at] = n.similarity(p);
                }
            }
        }
        return new NeighbourTable(ptr, idx, sim);
    }

    /** Items with a (possibly empty) row. */
    public int rows() {
        return ptr.length - 1;
    }

    public int start(int row) {
        return row < rows() ? ptr[row] : 0;
    }

    public int end(int row) {
        return row < rows() ? ptr[row + 1] : 0;
    }

    public int count(int row) {
        return end(row) - start(row);
    }

    public int item(int p) {
        return idx[p];
    }

    public float similarity(int p) {
        return sim[p];
    }

    /** Stored neighbours in total. */
    public int size() {
        return idx.length;
    }

    // The arrays themselves, for ModelSetCodec; not to be modified.
    int[] pointerArray() {
        return ptr;
    }

    int[] itemArray() {
        return idx;
    }

    float[] similarityArray() {
        return sim;
    }

    public long bytes() {
        return 4L * ptr.length + 8L * idx.length;
    }
}
