// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import java.util.Arrays;

/**
 * Sparse score accumulation over the catalog: walking neighbour lists adds {@code weight x similarity} per
 * item, remembering which evidence item contributed most. Backed by dense arrays with generation stamps and a
 * touched list, so clearing is O(1) and nothing is allocated per request. Pooled, not thread-safe.
 */
public final class Accumulator {
    private float[] acc = new float[0];
    private float[] strongest = new float[0];
    private int[] evidence = new int[0];
    private int[] stamp = new int[0];
    private int generation;
    private int[] touched = new int[256];
    private int touchedCount;
    // Heap for selection.
    private int[] heap = new int[64];

    public void reset(int catalogSize) {
        if (acc.length < catalogSize) {
            int n = Math.max(catalogSize, acc.length * 3 / 2);
            acc = new float[n];
            strongest = new float[n];
            evidence = new int[n];
            stamp = new int[n];
            generation = 0;
        }
        if (++generation == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            generation = 1;
        }
        touchedCount = 0;
    }

    public void add(int item, float value, int evidenceItem) {
        if (stamp[item] != generation) {
            stamp[item] = generation;
            acc[item] = value;
            strongest[item] = value;
            evidence[item] = evidenceItem;
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = item;
        } else {
            acc[item] += value;
            if (value > strongest[item]) {
                strongest[item] = value;
                evidence[item] = evidenceItem;
            }
        }
    }

    public int touchedCount() {
        return touchedCount;
    }

    public float value(int item) {
        return stamp[item] == generation ? acc[item] : 0f;
    }

    /**
     * Moves the {@code limit} best admissible items into the candidates, scores divided by the best one and
     * multiplied by {@code weight}.
     */
    public void drainTo(RecommendationContext ctx, Candidates out, int source, int limit, float weight) {
        if (heap.length < limit) {
            heap = new int[limit];
        }
        int n = 0;
        for (int t = 0; t < touchedCount; t++) {
            int item = touched[t];
            float s = acc[item];
            if (!(s > 0f) || !ctx.admissible(item)) {
                continue;
            }
            if (n < limit) {
                heap[n] = item;
                siftUp(n++);
            } else if (better(item, heap[0])) {
                heap[0] = item;
                siftDown(n);
            }
        }
        float max = 0f;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, acc[heap[j]]);
        }
        if (max <= 0f) {
            return;
        }
        float scale = weight / max;
        for (int j = 0; j < n; j++) {
            int item = heap[j];
            out.add(item, acc[item] * scale, source, evidence[item]);
        }
    }

    private boolean better(int a, int b) {
        return acc[a] > acc[b] || (acc[a] == acc[b] && a < b);
    }

    private void siftUp(int pos) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (better(heap[parent], heap[pos])) {
                int t = heap[parent];
                heap[parent] = heap[pos];
                heap[pos] = t;
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
            if (l + 1 < n && better(heap[l], heap[l + 1])) {
                worst = l + 1;
            }
            if (better(heap[pos], heap[worst])) {
                int t = heap[pos];
                heap[pos] = heap[worst];
                heap[worst] = t;
                pos = worst;
            } else {
                return;
            }
        }
    }
}
