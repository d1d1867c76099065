// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.data;

import dev.tailor.core.domain.EventType;
import java.util.Arrays;

/**
 * All user-item events of a dataset in a flat columnar layout, grouped by user and ordered by time within each
 * user (ties keep input order). The same arrays serve as per-user sequences for sequential models and as the
 * source of weighted matrices. About 17 bytes per event plus 4 per user. Immutable.
 */
public final class Interactions {
    private final int numUsers;
    private final int numItems;
    private final int[] userPtr;
    private final int[] items;
    private final byte[] types;
    private final float[] values;
    private final long[] times;

    /** Takes ownership of already grouped and ordered arrays; use {@link #sorted} for arbitrary input. */
    Interactions(int numUsers, int numItems, int[] userPtr, int[] items, byte[] types, float[] values,
            long[] times) {
        if (userPtr.length != numUsers + 1 || userPtr[numUsers] != items.length || types.length != items.length
                || values.length != items.length || times.length != items.length) {
            throw new IllegalArgumentException("inconsistent interaction arrays");
        }
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.userPtr = userPtr;
        this.items = items;
        this.types = types;
        this.values = values;
        this.times = times;
    }

    /**
     * Groups events by user (counting sort) and orders each user's events by time; ties are broken by input
     * position so the result is deterministic. Input arrays are not modified.
     */
    public static Interactions sorted(int numUsers, int numItems, int size, int[] users, int[] items,
            byte[] types, float[] values, long[] times) {
        int[] ptr = new int[numUsers + 1];
        for (int i = 0; i < size; i++) {
            ptr[users[i] + 1]++;
        }
        for (int u = 0; u < numUsers; u++) {
            ptr[u + 1] += ptr[u];
        }
        int[] next = Arrays.copyOf(ptr, numUsers);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[next[users[i]]++] = i;
        }
        for (int u = 0; u < numUsers; u++) {
            PrimitiveSort.sortByKey(order, ptr[u], ptr[u + 1], times);
        }
        int[] it = new int[size];
        byte[] ty = new byte[size];
        float[] va = new float[size];
        long[] ti = new long[size];
        for (int k = 0; k < size; k++) {
            int i = order[k];
            it[k] = items[i];
            ty[k] = types[i];
            va[k] = values[i];
            ti[k] = times[i];
        }
        return new Interactions(numUsers, numItems, ptr, it, ty, va, ti);
    }

    public int numUsers() {
        return numUsers;
    }

    public int numItems() {
        return numItems;
    }

    public int size() {
        return items.length;
    }

    /** First event index of {@code user}; its events are [start(user), end(user)). */
    public int start(int user) {
        return userPtr[user];
    }

    public int end(int user) {
        return userPtr[user + 1];
    }

    public int count(int user) {
        return userPtr[user + 1] - userPtr[user];
    }

    public int item(int k) {
        return items[k];
    }

    public EventType type(int k) {
        return EventType.byOrdinal(types[k]);
    }

    public int typeOrdinal(int k) {
        return types[k];
    }

    public float value(int k) {
        return values[k];
    }

    /** Epoch milliseconds. */
    public long time(int k) {
        return times[k];
    }

    /** The user's items in time order (a copy), the input of sequential models. */
    public int[] sequence(int user) {
        return Arrays.copyOfRange(items, userPtr[user], userPtr[user + 1]);
    }

    /** Keeps the events for which {@code keep} answers true, preserving order and dimensions. */
    public Interactions filter(EventFilter keep) {
        int n = 0;
        boolean[] mask = new boolean[items.length];
        for (int u = 0; u < numUsers; u++) {
            for (int k = userPtr[u]; k < userPtr[u + 1]; k++) {
                if (keep.keep(u, k)) {
                    mask[k] = true;
                    n++;
                }
            }
        }
        int[] ptr = new int[numUsers + 1];
        int[] it = new int[n];
        byte[] ty = new byte[n];
        float[] va = new float[n];
        long[] ti = new long[n];
        int j = 0;
        for (int u = 0; u < numUsers; u++) {
            for (int k = userPtr[u]; k < userPtr[u + 1]; k++) {
                if (mask[k]) {
                    it[j] = items[k];
                    ty[j] = types[k];
                    va[j] = values[k];
                    ti[j] = times[k];
                    j++;
                }
            }
            ptr[u + 1] = j;
        }
        return new Interactions(numUsers, numItems, ptr, it, ty, va, ti);
    }

    /**
     * Folds events into a user x item matrix: a pair's value is the sum of its events' weights; pairs whose
     * weight sums to 0 (e.g. impressions only) are left out.
     */
    public CsrMatrix toMatrix(EventWeights weights) {
        int[] ptr = new int[numUsers + 1];
        int[] cols = new int[items.length];
        float[] vals = new float[items.length];
        int nnz = 0;
        int maxLen = 0;
        for (int u = 0; u < numUsers; u++) {
            maxLen = Math.max(maxLen, count(u));
        }
        int[] order = new int[maxLen];
        long[] keys = new long[maxLen];
        for (int u = 0; u < numUsers; u++) {
            int s = userPtr[u];
            int len = userPtr[u + 1] - s;
            for (int i = 0; i < len; i++) {
                order[i] = i;
                keys[i] = items[s + i];
            }
            PrimitiveSort.sortByKey(order, 0, len, keys);
            int i = 0;
            while (i < len) {
                int item = items[s + order[i]];
                float w = 0f;
                while (i < len && items[s + order[i]] == item) {
                    int k = s + order[i];
                    w += weights.weight(types[k], values[k]);
                    i++;
                }
                if (w > 0f) {
                    cols[nnz] = item;
                    vals[nnz] = w;
                    nnz++;
                }
            }
            ptr[u + 1] = nnz;
        }
        return new CsrMatrix(numUsers, numItems, ptr, Arrays.copyOf(cols, nnz), Arrays.copyOf(vals, nnz));
    }

    /** Heap bytes of the arrays (for the documented memory per event). */
    public long bytes() {
        return 4L * userPtr.length + 4L * items.length + types.length + 4L * values.length + 8L * times.length;
    }

    /** Decides per event; {@code k} is the event index, {@code user} its user. */
    @FunctionalInterface
    public interface EventFilter {
        boolean keep(int user, int k);
    }
}
