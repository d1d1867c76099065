// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.data;

/** Sorting of index arrays by primitive keys without boxing, used when building snapshots. */
final class PrimitiveSort {
    private static final int INSERTION_THRESHOLD = 24;

    private PrimitiveSort() {
    }

    /**
     * Sorts {@code idx[from, to)} ascending by {@code keys[idx[i]]}, ties by the index value itself, so that
     * the order is total and the result does not depend on the input permutation.
     */
    static void sortByKey(int[] idx, int from, int to, long[] keys) {
        while (to - from > INSERTION_THRESHOLD) {
            int mid = (from + to) >>> 1;
            int pivot = medianOfThree(idx, keys, from, mid, to - 1);
            int i = from;
            int j = to - 1;
            while (i <= j) {
                while (less(keys, idx[i], pivot)) {
                    i++;
                }
                while (less(keys, pivot, idx[j])) {
                    j--;
                }
                if (i <= j) {
                    int t = idx[i];
                    idx[i] = idx[j];
                    idx[j] = t;
                    i++;
                    j--;
                }
            }
            // Recurse into the smaller half to bound stack depth at O(log n).
            if (j - from < to - i) {
                sortByKey(idx, from, j + 1, keys);
                from = i;
            } else {
                sortByKey(idx, i, to, keys);
                to = j + 1;
            }
        }
        for (int a = from + 1; a < to; a++) {
            int v = idx[a];
            long kv = keys[v];
            int b = a - 1;
            while (b >= from && less(keys, v, kv, idx[b])) {
                idx[b + 1] = idx[b];
                b--;
            }
            idx[b + 1] = v;
        }
    }

    /** Whether element {@code a} (key {@code ka}) sorts before element {@code b}. */
    private static boolean less(long[] keys, int a, long ka, int b) {
        long kb = keys[b];
        return ka < kb || (ka == kb && a < b);
    }

    private static boolean less(long[] keys, int a, int b) {
        return less(keys, a, keys[a], b);
    }

    private static int medianOfThree(int[] idx, long[] keys, int i, int j, int k) {
        int a = idx[i];
        int b = idx[j];
        int c = idx[k];
        if (less(keys, a, b)) {
            return less(keys, b, c) ? b : (less(keys, a, c) ? c : a);
        }
        return less(keys, a, c) ? a : (less(keys, b, c) ? c : b);
    }
}
