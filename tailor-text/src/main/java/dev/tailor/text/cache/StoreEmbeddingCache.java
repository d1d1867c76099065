// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.cache;

import dev.tailor.core.text.EmbeddingStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link EmbeddingCache} on a store's embedding table ({@link EmbeddingStore}), so that vectors survive
 * restarts and an unchanged item is never encoded again. Keys of several models in one call are grouped into one
 * bulk call per model.
 */
public final class StoreEmbeddingCache implements EmbeddingCache {
    private final EmbeddingStore store;

    public StoreEmbeddingCache(EmbeddingStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Map<EmbeddingKey, float[]> getAll(Collection<EmbeddingKey> keys) {
        Map<String, List<String>> byModel = new HashMap<>();
        for (EmbeddingKey k : keys) {
            byModel.computeIfAbsent(k.modelId(), m -> new ArrayList<>()).add(k.textSha256());
        }
        Map<EmbeddingKey, float[]> found = new HashMap<>();
        byModel.forEach((model, hashes) -> store.get(model, hashes)
                .forEach((hash, v) -> found.put(new EmbeddingKey(model, hash), v)));
        return found;
    }

    @Override
    public void putAll(Map<EmbeddingKey, float[]> vectors) {
        Map<String, Map<String, float[]>> byModel = new HashMap<>();
        vectors.forEach((k, v) -> byModel.computeIfAbsent(k.modelId(), m -> new HashMap<>()).put(k.textSha256(), v));
        byModel.forEach(store::put);
    }
}
