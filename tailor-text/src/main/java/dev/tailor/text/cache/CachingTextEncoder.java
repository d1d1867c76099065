// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.cache;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.text.TextEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts an {@link EmbeddingCache} in front of a {@link TextEncoder}: each call looks all its texts up in one bulk
 * read, encodes only the texts not found (each distinct text once, in one call to the encoder), and writes
 * those back in one bulk write. Re-encoding an unchanged catalog therefore costs hashing and one cache read.
 *
 * <p>The {@code modelId} must name everything that changes the vectors (model, token limit); when it changes,
 * the old entries simply stop matching. Thread-safe when the encoder and cache are. Every returned array is
 * the caller's own.
 */
public final class CachingTextEncoder implements TextEncoder {
    private final TextEncoder encoder;
    private final String modelId;
    private final EmbeddingCache cache;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public CachingTextEncoder(TextEncoder encoder, String modelId, EmbeddingCache cache) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.cache = Objects.requireNonNull(cache, "cache");
        if (modelId == null || modelId.isBlank()) {
            throw ValidationException.of("modelId", "missing model id for the embedding cache");
        }
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }

    /** Texts answered without encoding them so far: cache hits, and repeats of a text within one call. */
    public long hits() {
        return hits.get();
    }

    /** Distinct texts that had to be encoded so far. */
    public long misses() {
        return misses.get();
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public List<float[]> encode(List<String> texts) {
        if (texts == null) {
            throw ValidationException.of("texts", "missing list of texts");
        }
        int n = texts.size();
        EmbeddingKey[] keys = new EmbeddingKey[n];
        List<Problem> problems = new ArrayList<>();
        Map<EmbeddingKey, String> distinct = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String t = texts.get(i);
            if (t == null) {
                problems.add(Problem.of("texts[" + i + "]", "missing text (null); use \"\" for no text"));
                continue;
            }
            keys[i] = EmbeddingKey.of(modelId, t);
            distinct.putIfAbsent(keys[i], t);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Map<EmbeddingKey, float[]> known = new HashMap<>(cache.getAll(distinct.keySet()));
        // A vector of the wrong length can only come from a corrupt or foreign cache entry: re-encode it.
        known.values().removeIf(v -> v.length != encoder.dimension());
        List<EmbeddingKey> missingKeys = new ArrayList<>();
        List<String> missingTexts = new ArrayList<>();
        distinct.forEach((key, text) -> {
            if (!known.containsKey(key)) {
                missingKeys.add(key);
                missingTexts.add(text);
            }
        });
        if (!missingTexts.isEmpty()) {
            List<float[]> fresh = encoder.encode(missingTexts);
            Map<EmbeddingKey, float[]> toStore = new HashMap<>();
            for (int k = 0; k < missingKeys.size(); k++) {
                toStore.put(missingKeys.get(k), fresh.get(k));
            }
            cache.putAll(toStore);
            known.putAll(toStore);
        }
        misses.addAndGet(missingTexts.size());
        hits.addAndGet(n - missingTexts.size());
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = known.get(keys[i]).clone();
        }
        return List.of(out);
    }

    @Override
    public String toString() {
        return "CachingTextEncoder[" + modelId + ", " + encoder + "]";
    }
}
