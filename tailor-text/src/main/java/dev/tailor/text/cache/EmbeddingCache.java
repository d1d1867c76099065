// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.cache;

import java.util.Collection;
import java.util.Map;

/**
 * Remembers embeddings by (model, text hash). Bulk operations only, because the real implementations are a
 * database table where one round trip per item would cost more than the encoding it saves.
 *
 * <p>Implementations are thread-safe, never hand out arrays they keep (callers may modify what they get), and
 * may forget entries at any time (a cache, not a store of record).
 */
public interface EmbeddingCache {
    /** The cached vectors among {@code keys}; keys not cached are absent from the map. Never null. */
    Map<EmbeddingKey, float[]> getAll(Collection<EmbeddingKey> keys);

    /** Stores the vectors, replacing any under the same key. */
    void putAll(Map<EmbeddingKey, float[]> vectors);
}
