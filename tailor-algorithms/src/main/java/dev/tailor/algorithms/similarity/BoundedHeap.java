// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.similarity;

/**
 * Keeps the k best (index, score) pairs seen, on primitive arrays: a binary min-heap whose root is the worst
 * pair kept, so most offers are rejected with one comparison. Ties prefer the smaller index, the same rule as
 * {@link dev.tailor.core.model.TopK}, so results never depend on the order of offers. Not thread-safe; reuse
 * one per thread with {@link #clear}.
 */
public final class BoundedHeap {
    private final int capacity;
    private final int[] idx;
    private final float[] score;
    private int size;

    public BoundedHeap(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
        this.idx = new int[capacity];
        this.score = new float[capacity];
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    public void offer(int index, float s) {
        if (size < capacity) {
            idx[size] = index;
            score[size] = s;
            siftUp(size++);
        } else if (capacity > 0 && better(s, index, score[0], idx[0])) {
            idx[0] = index;
            score[0] = s;
            siftDown(size);
        }
    }

    /**
     * Writes the kept pairs best first into {@code outIdx/outScore[offset, offset + size)} and empties the
     * heap. Returns the number written.
     */
    public int drainDescending(int[] outIdx, float[] outScore, int offset) {
        int n = size;
        for (int j = n - 1; j >= 0; j--) {
            outIdx[offset + j] = idx[0];
            outScore[offset + j] = score[0];
            idx[0] = idx[j];
            score[0] = score[j];
            siftDown(j);
        }
        size = 0;
        return n;
    }

    private static boolean better(float s1, int i1, float s2, int i2) {
        return s1 > s2 || (s1 == s2 && i1 < i2);
    }

    private void siftUp(int pos) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (better(score[parent], idx[parent], score[pos], idx[pos])) {
                swap(parent, pos);
                pos = parent;
            } else {
                return;
            }
        }
    }

    private void siftDown(int n) {
        int pos = 0;
        while (true) {
            int l = 2 * pos + 1;
            if (l >= n) {
                return;
            }
            int worst = l;
            int r = l + 1;
            if (r < n && better(score[l], idx[l], score[r], idx[r])) {
                worst = r;
            }
            if (better(score[pos], idx[pos], score[worst], idx[worst])) {
                swap(pos, worst);
                pos = worst;
            } else {
                return;
            }
        }
    }

    private void swap(int a, int b) {
        int t = idx[a];
        idx[a] = idx[b];
        idx[b] = t;
        float f = score[a];
        score[a] = score[b];
        score[b] = f;
    }
}
