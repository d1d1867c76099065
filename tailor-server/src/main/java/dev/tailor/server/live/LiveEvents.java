// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.live;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The last few events of each recently active customer, kept in memory so that the next request reflects an
 * event posted a moment ago without retraining. Bounded twice: a ring of {@code perCustomer} events per
 * customer, and at most {@code maxCustomers} customers (the least recently active are forgotten first, which
 * only means their next request relies on the trained models alone).
 *
 * <p>Each event gets a sequence number; a model set remembers the number current when its snapshot was taken
 * (its watermark), and requests merge only the live events at or above it, so events already inside the models
 * are not counted twice after a hot swap. Thread-safe.
 */
public final class LiveEvents {
    private final int perCustomer;
    private final BoundedLru<Ring> byCustomer;
    private final AtomicLong sequence = new AtomicLong();

    public LiveEvents(int perCustomer, int maxCustomers) {
        if (perCustomer < 1 || perCustomer > 10_000) {
            throw new IllegalArgumentException("perCustomer must be in 1..10000, was " + perCustomer);
        }
        this.perCustomer = perCustomer;
        this.byCustomer = new BoundedLru<>(maxCustomers);
    }

    /** The sequence number the next event will get: a model set's watermark. */
    public long sequence() {
        return sequence.get();
    }

    public int perCustomer() {
        return perCustomer;
    }

    /** Customers currently tracked. */
    public int customers() {
        return byCustomer.size();
    }

    /** Records one event of a customer on a catalog item. */
    public void record(String customer, int item, int typeOrdinal) {
        long seq = sequence.getAndIncrement();
        Ring ring = byCustomer.touch(customer, k -> new Ring(perCustomer));
        synchronized (ring) {
            ring.add(item, (byte) typeOrdinal, seq);
        }
    }

    /**
     * Copies the customer's events with sequence number >= {@code since}, oldest first, into the arrays (which
     * must hold {@link #perCustomer()} entries).
     *
     * @return how many were copied
     */
    public int recent(String customer, long since, int[] items, byte[] types) {
        Ring ring = byCustomer.get(customer);
        if (ring == null) {
            return 0;
        }
        synchronized (ring) {
            return ring.copySince(since, items, types);
        }
    }

    /** Forgets a customer's live events at once (erasure); whether any were held. */
    public boolean remove(String customer) {
        return byCustomer.remove(customer);
    }

    /** Forgets customers whose every event is older than {@code watermark} (they are inside the models now). */
    public void pruneBefore(long watermark) {
        byCustomer.removeIf((k, ring) -> {
            synchronized (ring) {
                return ring.newest() < watermark;
            }
        });
    }

    /** A fixed-size ring of (item, type, sequence), overwriting the oldest. */
    private static final class Ring {
        private final int[] items;
        private final byte[] types;
        private final long[] seqs;
        private int next;
        private int count;

        Ring(int capacity) {
            items = new int[capacity];
            types = new byte[capacity];
            seqs = new long[capacity];
        }

        void add(int item, byte type, long seq) {
            items[next] = item;
            types[next] = type;
            seqs[next] = seq;
            next = (next + 1) % items.length;
            count = Math.min(count + 1, items.length);
        }

        long newest() {
            return count == 0 ? Long.MIN_VALUE : seqs[(next - 1 + items.length) % items.length];
        }

        int copySince(long since, int[] outItems, byte[] outTypes) {
            int n = 0;
            int first = (next - count + items.length) % items.length;
            for (int j = 0; j < count; j++) {
                int p = (first + j) % items.length;
                if (seqs[p] >= since) {
                    outItems[n] = items[p];
                    outTypes[n] = types[p];
                    n++;
                }
            }
            return n;
        }
    }
}
