// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.feedback;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Remembers the last {@code capacity} recommendation responses (scene, model set, items with the source of
 * each) under their request ids, so that impressions, clicks and purchases that carry a request id can be
 * credited to the scene and model that earned them. A request id is a per-process random prefix and a sequence
 * number; the number selects a ring slot directly, so recording is one array write and lookups need no map.
 * Older entries are overwritten; feedback for them is counted as "unattributed". Thread-safe.
 */
public final class RequestLedger {
    private final AtomicReferenceArray<Entry> ring;
    private final AtomicLong next = new AtomicLong();
    private final String prefix;

    public RequestLedger(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        ring = new AtomicReferenceArray<>(capacity);
        byte[] b = new byte[3];
        new SecureRandom().nextBytes(b);
        prefix = String.format("r%02x%02x%02x-", b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
    }

    /** A fresh request id. */
    public String newId() {
        return prefix + Long.toString(next.getAndIncrement(), 36);
    }

    /** Records what a request served. */
    public void record(String requestId, String scene, String modelSet, int[] items, List<String> sources) {
        long seq = sequence(requestId);
        if (seq < 0) {
            return;
        }
        ring.set((int) (seq % ring.length()), new Entry(seq, scene, modelSet, items, sources.toArray(String[]::new)));
    }

    /** What the request served, while it is still remembered. */
    public Optional<Entry> find(String requestId) {
        long seq = sequence(requestId);
        if (seq < 0) {
            return Optional.empty();
        }
        Entry e = ring.get((int) (seq % ring.length()));
        return e != null && e.seq == seq ? Optional.of(e) : Optional.empty();
    }

    private long sequence(String requestId) {
        if (requestId == null || !requestId.startsWith(prefix) || requestId.length() > prefix.length() + 13) {
            return -1;
        }
        try {
            return Long.parseLong(requestId.substring(prefix.length()), 36);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One served response. Arrays are owned by the entry and never modified. */
    public static final class Entry {
        private final long seq;
        private final String scene;
        private final String modelSet;
        private final int[] items;
        private final String[] sources;

        Entry(long seq, String scene, String modelSet, int[] items, String[] sources) {
            this.seq = seq;
            this.scene = scene;
            this.modelSet = modelSet;
            this.items = items;
            this.sources = sources;
        }

        public String scene() {
            return scene;
        }

        public String modelSet() {
            return modelSet;
        }

        public int size() {
            return items.length;
        }

        /** The source that proposed a catalog item in this response, if it was in it. */
        public Optional<String> sourceOf(int item) {
            for (int i = 0; i < items.length; i++) {
                if (items[i] == item) {
                    return Optional.of(sources[i]);
                }
            }
            return Optional.empty();
        }

        /** Sources of all served items, in order. */
        public List<String> sources() {
            return List.of(sources);
        }
    }
}
