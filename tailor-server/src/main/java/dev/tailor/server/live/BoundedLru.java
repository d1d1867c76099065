// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A size-bounded map that forgets the least recently <em>written</em> key first, split into independently
 * locked shards so that concurrent requests rarely contend. Reads do not reorder (a read-mostly customer is not
 * kept alive by being looked at; writing an event is what counts as activity). Thread-safe.
 *
 * @param <V> value type; values handed out are shared, so callers synchronize on them or treat them as
 *     immutable
 */
final class BoundedLru<V> {
    private final Shard<V>[] shards;
    private final int mask;

    @SuppressWarnings({"unchecked", "rawtypes"})
    BoundedLru(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        int n = Integer.highestOneBit(Math.max(1, Math.min(64, capacity / 64)));
        shards = new Shard[n];
        int per = Math.max(1, (capacity + n - 1) / n);
        for (int i = 0; i < n; i++) {
            shards[i] = new Shard<>(per);
        }
        mask = n - 1;
    }

    private Shard<V> shard(String key) {
        int h = key.hashCode();
        return shards[(h ^ (h >>> 16)) & mask];
    }

    V get(String key) {
        Shard<V> s = shard(key);
        synchronized (s) {
            return s.map.get(key);
        }
    }

    /** The value for {@code key}, created when absent; either way the key becomes the most recent. */
    V touch(String key, Function<String, V> create) {
        Shard<V> s = shard(key);
        synchronized (s) {
            V v = s.map.remove(key);
            if (v == null) {
                v = create.apply(key);
            }
            s.map.put(key, v);
            return v;
        }
    }

    void put(String key, V value) {
        Shard<V> s = shard(key);
        synchronized (s) {
            s.map.remove(key);
            s.map.put(key, value);
        }
    }

    /** Removes the entry; whether there was one. */
    boolean remove(String key) {
        Shard<V> s = shard(key);
        synchronized (s) {
            return s.map.remove(key) != null;
        }
    }

    int size() {
        int n = 0;
        for (Shard<V> s : shards) {
            synchronized (s) {
                n += s.map.size();
            }
        }
        return n;
    }

    /** Removes the entries for which {@code drop} answers true. */
    void removeIf(java.util.function.BiPredicate<String, V> drop) {
        for (Shard<V> s : shards) {
            synchronized (s) {
                s.map.entrySet().removeIf(e -> drop.test(e.getKey(), e.getValue()));
            }
        }
    }

    void forEach(BiConsumer<String, V> action) {
        for (Shard<V> s : shards) {
            synchronized (s) {
                s.map.forEach(action);
            }
        }
    }

    private static final class Shard<V> {
        final Map<String, V> map;

        Shard(int capacity) {
            map = new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                    return size() > capacity;
                }
            };
        }
    }
}
