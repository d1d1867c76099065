// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import java.util.Arrays;

/**
 * The chosen items of one list, in display order, each with its score, the source that proposed it and the
 * evidence for its explanation. A rule may insert an item with a fixed reason ({@link #insert}). Pooled with
 * its request, not thread-safe.
 */
public final class Selection {
    private int size;
    private int[] items = new int[64];
    private float[] scores = new float[64];
    private int[] sources = new int[64];
    private int[] evidence = new int[64];
    private String[] fixedReasons = new String[64];
    private String[] fixedSources = new String[64];

    public void clear() {
        Arrays.fill(fixedReasons, 0, size, null);
        Arrays.fill(fixedSources, 0, size, null);
        size = 0;
    }

    public int size() {
        return size;
    }

    public void add(int item, float score, int source, int evidenceItem) {
        ensure(size + 1);
        items[size] = item;
        scores[size] = score;
        sources[size] = source;
        evidence[size] = evidenceItem;
        fixedReasons[size] = null;
        fixedSources[size] = null;
        size++;
    }

    /**
     * Places an item at {@code position} (clamped to the end), shifting the rest down, with a reason and source
     * name of its own; a copy of the item further down is removed. The list may then exceed the k asked for;
     * {@link #truncate} trims it.
     */
    public void insert(int position, int item, float score, String sourceName, String reason) {
        for (int i = 0; i < size; i++) {
            if (items[i] == item) {
                removeAt(i);
                break;
            }
        }
        int at = Math.max(0, Math.min(position, size));
        ensure(size + 1);
        System.arraycopy(items, at, items, at + 1, size - at);
        System.arraycopy(scores, at, scores, at + 1, size - at);
        System.arraycopy(sources, at, sources, at + 1, size - at);
        System.arraycopy(evidence, at, evidence, at + 1, size - at);
        System.arraycopy(fixedReasons, at, fixedReasons, at + 1, size - at);
        System.arraycopy(fixedSources, at, fixedSources, at + 1, size - at);
        items[at] = item;
        scores[at] = score;
        sources[at] = -1;
        evidence[at] = -1;
        fixedReasons[at] = reason;
        fixedSources[at] = sourceName;
        size++;
    }

    private void removeAt(int i) {
        int tail = size - i - 1;
        System.arraycopy(items, i + 1, items, i, tail);
        System.arraycopy(scores, i + 1, scores, i, tail);
        System.arraycopy(sources, i + 1, sources, i, tail);
        System.arraycopy(evidence, i + 1, evidence, i, tail);
        System.arraycopy(fixedReasons, i + 1, fixedReasons, i, tail);
        System.arraycopy(fixedSources, i + 1, fixedSources, i, tail);
        size--;
        fixedReasons[size] = null;
        fixedSources[size] = null;
    }

    public void truncate(int k) {
        while (size > k) {
            size--;
            fixedReasons[size] = null;
            fixedSources[size] = null;
        }
    }

    public boolean contains(int item) {
        for (int i = 0; i < size; i++) {
            if (items[i] == item) {
                return true;
            }
        }
        return false;
    }

    public int item(int i) {
        return items[i];
    }

    public float score(int i) {
        return scores[i];
    }

    /** Registration index of the proposing source in the list's {@link Candidates}, -1 for inserted items. */
    public int sourceIndex(int i) {
        return sources[i];
    }

    public int evidence(int i) {
        return evidence[i];
    }

    /** The reason a rule gave an inserted item, or null. */
    public String fixedReason(int i) {
        return fixedReasons[i];
    }

    public String fixedSource(int i) {
        return fixedSources[i];
    }

    private void ensure(int n) {
        if (n > items.length) {
            int c = Math.max(n, items.length * 2);
            items = Arrays.copyOf(items, c);
            scores = Arrays.copyOf(scores, c);
            sources = Arrays.copyOf(sources, c);
            evidence = Arrays.copyOf(evidence, c);
            fixedReasons = Arrays.copyOf(fixedReasons, c);
            fixedSources = Arrays.copyOf(fixedSources, c);
        }
    }
}
