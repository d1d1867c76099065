// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.cache;

import dev.tailor.core.error.ValidationException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@link EmbeddingCache} in the heap, bounded by entry count and evicting the least recently used entry. A
 * 512-d vector costs about 2 KB plus the key, so 100,000 entries take about 230 MB. Thread-safe (one lock:
 * lookups are far cheaper than the encoding they save).
 */
public final class InMemoryEmbeddingCache implements EmbeddingCache {
    private final int maxEntries;
    private final LinkedHashMap<EmbeddingKey, float[]> entries;

    /** A cache holding at most {@code maxEntries} vectors. */
    public InMemoryEmbeddingCache(int maxEntries) {
        if (maxEntries < 1) {
            throw ValidationException.of("maxEntries", "must be >= 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    public int maxEntries() {
        return maxEntries;
    }

    /** Entries held now. */
    public synchronized int size() {
        return entries.size();
    }

    @Override
    public synchronized Map<EmbeddingKey, float[]> getAll(Collection<EmbeddingKey> keys) {
        Map<EmbeddingKey, float[]> found = new HashMap<>();
        for (EmbeddingKey key : keys) {
            float[] v = entries.get(key);
            if (v != null) {
                found.put(key, v.clone());
            }
        }
        return found;
    }

    @Override
    public synchronized void putAll(Map<EmbeddingKey, float[]> vectors) {
        vectors.forEach((key, v) -> {
            entries.put(key, v.clone());
            if (entries.size() > maxEntries) {
                EmbeddingKey eldest = entries.keySet().iterator().next();
                entries.remove(eldest);
            }
        });
    }
}
