// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.model;

import java.util.BitSet;

/**
 * Selects the k best-scored indices with a bounded binary min-heap on primitive arrays: O(n log k), no
 * boxing, no full sort. Ties are broken towards the smaller index so results are deterministic.
 */
public final class TopK {
    private TopK() {
    }

    /**
     * Indices of the {@code k} largest finite scores, best first, skipping indices set in {@code exclude}
     * (may be null). Scores of NaN or -infinity are never selected, so a model can rule an item out.
     */
    public static int[] select(float[] scores, int k, BitSet exclude) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, was " + k);
        }
        int[] heap = new int[k];
        float[] hs = new float[k];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (!(s > Float.NEGATIVE_INFINITY) || (exclude != null && exclude.get(i))) {
                continue;
            }
            if (n < k) {
                heap[n] = i;
                hs[n] = s;
                siftUp(heap, hs, n++);
            } else if (better(s, i, hs[0], heap[0])) {
                heap[0] = i;
                hs[0] = s;
                siftDown(heap, hs, n);
            }
        }
        // Pop the min repeatedly; fill from the back to get best-first order.
        int[] out = new int[n];
        for (int j = n - 1; j >= 0; j--) {
            out[j] = heap[0];
            heap[0] = heap[j];
            hs[0] = hs[j];
            siftDown(heap, hs, j);
        }
        return out;
    }

    /** Whether (s1, i1) ranks above (s2, i2). */
    private static boolean better(float s1, int i1, float s2, int i2) {
        return s1 > s2 || (s1 == s2 && i1 < i2);
    }

    private static void siftUp(int[] heap, float[] hs, int pos) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (better(hs[parent], heap[parent], hs[pos], heap[pos])) {
                swap(heap, hs, parent, pos);
                pos = parent;
            } else {
                return;
            }
        }
    }

    private static void siftDown(int[] heap, float[] hs, int n) {
        int pos = 0;
        while (true) {
            int l = 2 * pos + 1;
            if (l >= n) {
                return;
            }
            int worst = l;
            int r = l + 1;
            if (r < n && better(hs[l], heap[l], hs[r], heap[r])) {
                worst = r;
            }
            if (better(hs[pos], heap[pos], hs[worst], heap[worst])) {
                swap(heap, hs, pos, worst);
                pos = worst;
            } else {
                return;
            }
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
}
