// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import java.util.Arrays;

/**
 * The candidate buffer of one list being built: parallel primitive arrays (item, score, source, evidence) with
 * de-duplication by catalog index through a stamped slot table, so a request allocates nothing here after
 * warm-up. When two sources propose the same item their scores add up, and the source that contributed more
 * keeps the explanation. Removal marks a score as -infinity; {@link #compact()} drops marked entries. Owned by
 * one request at a time (pooled), not thread-safe.
 */
public final class Candidates {
    public static final int MAX_SOURCES = 32;

    private int size;
    private int[] items = new int[256];
    private float[] scores = new float[256];
    private float[] strongest = new float[256];
    private int[] evidence = new int[256];
    private byte[] sources = new byte[256];
    private boolean sorted;

    private final CandidateSource[] registered = new CandidateSource[MAX_SOURCES];
    private int registeredCount;

    // slot[item] is valid when slotStamp[item] == stamp: one increment clears the table.
    private int[] slot = new int[0];
    private int[] slotStamp = new int[0];
    private int stamp;

    /** Empties the buffer for a catalog of {@code catalogSize} items. */
    public void reset(int catalogSize) {
        size = 0;
        registeredCount = 0;
        sorted = true;
        if (slot.length < catalogSize) {
            int n = Math.max(catalogSize, slot.length * 3 / 2);
            slot = new int[n];
            slotStamp = new int[n];
            stamp = 0;
        }
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(slotStamp, 0);
            stamp = 1;
        }
    }

    /** Registers a source for this list; its index goes with every candidate it adds. */
    public int register(CandidateSource source) {
        if (registeredCount == MAX_SOURCES) {
            throw new IllegalStateException("more than " + MAX_SOURCES + " candidate sources in one list");
        }
        registered[registeredCount] = source;
        return registeredCount++;
    }

    public CandidateSource source(int index) {
        return registered[index];
    }

    public int size() {
        return size;
    }

    public boolean contains(int item) {
        return item < slotStamp.length && slotStamp[item] == stamp;
    }

    /**
     * Adds a candidate or, if present, adds to its score.
     *
     * @param score this source's contribution (normalized score times the source weight)
     * @param source registration index of the source
     * @param evidenceItem the item the explanation will name, or -1
     */
    public void add(int item, float score, int source, int evidenceItem) {
        if (slotStamp[item] == stamp) {
            int at = slot[item];
            scores[at] += score;
            if (score > strongest[at]) {
                strongest[at] = score;
                sources[at] = (byte) source;
                evidence[at] = evidenceItem;
            }
            sorted = false;
            return;
        }
        if (size == items.length) {
            grow();
        }
        items[size] = item;
        scores[size] = score;
        strongest[size] = score;
        sources[size] = (byte) source;
        evidence[size] = evidenceItem;
        slot[item] = size;
        slotStamp[item] = stamp;
        if (size > 0 && (score > scores[size - 1] || (score == scores[size - 1] && item < items[size - 1]))) {
            sorted = false;
        }
        size++;
    }

    public int item(int i) {
        return items[i];
    }

    public float score(int i) {
        return scores[i];
    }

    public void setScore(int i, float score) {
        scores[i] = score;
        sorted = false;
    }

    /** Marks the candidate removed (it is dropped by {@link #compact()} and never selected). */
    public void remove(int i) {
        scores[i] = Float.NEGATIVE_INFINITY;
        sorted = false;
    }

    public boolean removed(int i) {
        return scores[i] == Float.NEGATIVE_INFINITY;
    }

    public int sourceIndex(int i) {
        return sources[i];
    }

    public int evidence(int i) {
        return evidence[i];
    }

    /** Drops removed candidates, keeping the order of the rest. */
    public void compact() {
        int w = 0;
        for (int r = 0; r < size; r++) {
            if (scores[r] != Float.NEGATIVE_INFINITY) {
                if (w != r) {
                    items[w] = items[r];
                    scores[w] = scores[r];
                    strongest[w] = strongest[r];
                    sources[w] = sources[r];
                    evidence[w] = evidence[r];
                    slot[items[w]] = w;
                }
                w++;
            } else {
                slotStamp[items[r]] = stamp - 1;
            }
        }
        size = w;
    }

    /**
     * Sorts by score, best first; ties go to the smaller catalog index so that equal inputs give equal lists.
     * A no-op when nothing changed since the last sort.
     */
    public void sortByScore() {
        if (sorted) {
            return;
        }
        quicksort(0, size - 1);
        for (int i = 0; i < size; i++) {
            slot[items[i]] = i;
        }
        sorted = true;
    }

    private boolean before(int a, int b) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && items[a] < items[b]);
    }

    private void quicksort(int lo, int hi) {
        while (lo < hi) {
            if (hi - lo < 16) {
                for (int i = lo + 1; i <= hi; i++) {
                    for (int j = i; j > lo && before(j, j - 1); j--) {
                        swap(j, j - 1);
                    }
                }
                return;
            }
            int mid = (lo + hi) >>> 1;
            swap(mid, hi);
            int p = lo;
            for (int i = lo; i < hi; i++) {
                if (before(i, hi)) {
                    swap(i, p++);
                }
            }
            swap(p, hi);
            // Recurse into the smaller half to bound the stack depth.
            if (p - lo < hi - p) {
                quicksort(lo, p - 1);
                lo = p + 1;
            } else {
                quicksort(p + 1, hi);
                hi = p - 1;
            }
        }
    }

    private void swap(int a, int b) {
        int ti = items[a];
        items[a] = items[b];
        items[b] = ti;
        float ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
        float tb = strongest[a];
        strongest[a] = strongest[b];
        strongest[b] = tb;
        byte tso = sources[a];
        sources[a] = sources[b];
        sources[b] = tso;
        int te = evidence[a];
        evidence[a] = evidence[b];
        evidence[b] = te;
    }

    private void grow() {
        int n = items.length * 2;
        items = Arrays.copyOf(items, n);
        scores = Arrays.copyOf(scores, n);
        strongest = Arrays.copyOf(strongest, n);
        evidence = Arrays.copyOf(evidence, n);
        sources = Arrays.copyOf(sources, n);
    }
}
