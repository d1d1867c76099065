// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.model;

import dev.tailor.core.data.IdDictionary;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.domain.EventType;
import java.util.Arrays;

/**
 * What the training snapshot knew about each customer, compacted for serving: the last few preference events
 * (catalog index and type, oldest first), every purchased item (sorted, for the exclude-purchased rule) and the
 * customer's segments. Indexed by the snapshot's dense user index ({@link #user}). Immutable.
 */
public final class UserHistories {
    static final UserHistories EMPTY = new UserHistories(IdDictionary.of(java.util.List.of()), new int[1],
            new int[0], new byte[0], new int[1], new int[0], new int[1], new int[0]);

    private final IdDictionary users;
    private final int[] ptr;
    private final int[] items;
    private final byte[] types;
    private final int[] purchasedPtr;
    private final int[] purchased;
    private final int[] segmentPtr;
    private final int[] segments;

    UserHistories(IdDictionary users, int[] ptr, int[] items, byte[] types, int[] purchasedPtr,
            int[] purchased, int[] segmentPtr, int[] segments) {
        this.users = users;
        this.ptr = ptr;
        this.items = items;
        this.types = types;
        this.purchasedPtr = purchasedPtr;
        this.purchased = purchased;
        this.segmentPtr = segmentPtr;
        this.segments = segments;
    }

    /** Whether an event type says something about taste (impressions and searches do not). */
    public static boolean isPreference(int typeOrdinal) {
        return typeOrdinal != EventType.IMPRESSION.ordinal() && typeOrdinal != EventType.SEARCH.ordinal();
    }

    static UserHistories build(Snapshot snap, int[] toCatalog, int keep) {
        Interactions in = snap.interactions();
        int nu = snap.numUsers();
        int[] ptr = new int[nu + 1];
        int[] pptr = new int[nu + 1];
        // Pass 1: sizes.
        for (int u = 0; u < nu; u++) {
            int kept = 0;
            int bought = 0;
            for (int k = in.end(u) - 1; k >= in.start(u); k--) {
                int t = in.typeOrdinal(k);
                if (toCatalog[in.item(k)] < 0) {
                    continue;
                }
                if (kept < keep && isPreference(t)) {
                    kept++;
                }
                if (t == EventType.PURCHASE.ordinal()) {
                    bought++;
                }
            }
            ptr[u + 1] = ptr[u] + kept;
            pptr[u + 1] = pptr[u] + bought;
        }
        int[] items = new int[ptr[nu]];
        byte[] types = new byte[ptr[nu]];
        int[] purchased = new int[pptr[nu]];
        for (int u = 0; u < nu; u++) {
            int at = ptr[u + 1];
            int bought = pptr[u];
            for (int k = in.end(u) - 1; k >= in.start(u); k--) {
                int t = in.typeOrdinal(k);
                int c = toCatalog[in.item(k)];
                if (c < 0) {
                    continue;
                }
                if (at > ptr[u] && isPreference(t)) {
                    at--;
                    items[at] = c;
                    types[at] = (byte) t;
                }
                if (t == EventType.PURCHASE.ordinal()) {
                    purchased[bought++] = c;
                }
            }
            Arrays.sort(purchased, pptr[u], pptr[u + 1]);
        }
        // Purchases repeat (re-orders): compact each user's sorted run to distinct items.
        int[] dptr = new int[nu + 1];
        int w = 0;
        for (int u = 0; u < nu; u++) {
            for (int k = pptr[u]; k < pptr[u + 1]; k++) {
                if (k == pptr[u] || purchased[k] != purchased[k - 1]) {
                    purchased[w++] = purchased[k];
                }
            }
            dptr[u + 1] = w;
        }
        int[] segPtr = new int[nu + 1];
        int[][] seg = new int[nu][];
        for (int u = 0; u < nu; u++) {
            seg[u] = snap.userFeatures().segments(u);
            segPtr[u + 1] = segPtr[u] + seg[u].length;
        }
        int[] segs = new int[segPtr[nu]];
        for (int u = 0; u < nu; u++) {
            System.arraycopy(seg[u], 0, segs, segPtr[u], seg[u].length);
        }
        return new UserHistories(snap.users(), ptr, items, types, dptr, Arrays.copyOf(purchased, w), segPtr,
                segs);
    }

    /** Snapshot user index of a customer id, -1 when the snapshot did not know it. */
    public int user(String id) {
        return users.indexOf(id);
    }

    public int userCount() {
        return users.size();
    }

    public String userId(int user) {
        return users.id(user);
    }

    /** First history entry of the user; entries are [start, end), oldest first. */
    public int start(int user) {
        return ptr[user];
    }

    public int end(int user) {
        return ptr[user + 1];
    }

    public int item(int entry) {
        return items[entry];
    }

    public int typeOrdinal(int entry) {
        return types[entry];
    }

    /** Whether the user bought the catalog item before the snapshot. O(log purchases). */
    public boolean purchased(int user, int item) {
        return user >= 0 && Arrays.binarySearch(purchased, purchasedPtr[user], purchasedPtr[user + 1], item) >= 0;
    }

    public int purchaseCount(int user) {
        return purchasedPtr[user + 1] - purchasedPtr[user];
    }

    /** Segment indices (into the model set's segment dictionary) of a snapshot user. */
    public int[] segments(int user) {
        return Arrays.copyOfRange(segments, segmentPtr[user], segmentPtr[user + 1]);
    }

    // The parts themselves, for ModelSetCodec; not to be modified.
    IdDictionary userDictionary() {
        return users;
    }

    int[] historyPointers() {
        return ptr;
    }

    int[] historyItems() {
        return items;
    }

    byte[] historyTypes() {
        return types;
    }

    int[] purchasePointers() {
        return purchasedPtr;
    }

    int[] purchaseItems() {
        return purchased;
    }

    int[] segmentPointers() {
        return segmentPtr;
    }

    int[] segmentArray() {
        return segments;
    }

    public long bytes() {
        return 4L * ptr.length + 5L * items.length + 4L * purchasedPtr.length + 4L * purchased.length
                + 4L * segmentPtr.length + 4L * segments.length;
    }
}
