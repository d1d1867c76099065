// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.text;

import java.util.Collection;
import java.util.Map;

/**
 * Persistent text vectors keyed by encoder model id and the SHA-256 of the text (64 lower-case hex digits), so
 * that a catalog item whose text did not change is never encoded again. Implemented by stores (a table next to
 * the catalog); the text module wraps it as its embedding cache. Bulk operations only: one round trip per item
 * would cost more than the encoding it saves. Thread-safe; never hands out arrays it keeps.
 */
public interface EmbeddingStore {
    /** The stored vectors among {@code textSha256s} for the model, keyed by hash; absent ones are left out. */
    Map<String, float[]> get(String modelId, Collection<String> textSha256s);

    /** Stores the vectors (hash to vector), replacing any under the same model and hash. */
    void put(String modelId, Map<String, float[]> vectors);

    /** Vectors stored for the model. */
    long count(String modelId);
}
