// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import dev.tailor.core.data.Snapshot;
import dev.tailor.sequential.registry.ItemVectorSource;
import dev.tailor.sequential.train.ItemInit;
import dev.tailor.text.cache.CachingTextEncoder;
import dev.tailor.text.cache.EmbeddingCache;
import dev.tailor.text.encoder.EncoderConfig;
import dev.tailor.text.encoder.Encoders;
import dev.tailor.text.twotower.ItemTexts;
import dev.tailor.text.twotower.ItemVectors;
import java.util.Objects;

/**
 * The sequential models' {@code textinit} vectors: every snapshot item's text ("title. category path. brand",
 * as {@code tailor embed} builds it) encoded by the named language model, through an embedding cache so texts
 * encoded before (by {@code tailor embed} into a store, or by an earlier training of the same command) are not
 * encoded again. The model is opened for one training and closed after it: it is needed once per snapshot.
 */
final class TextItemVectors implements ItemVectorSource {
    /** Items per encoder round trip through the cache. */
    private static final int CHUNK = 256;

    private final EmbeddingCache cache;

    TextItemVectors(EmbeddingCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public ItemInit itemInit(Snapshot training, String model) {
        String[] texts = ItemTexts.of(training.itemFeatures());
        try (Encoders.Opened enc = Encoders.open(model, EncoderConfig.defaults())) {
            CachingTextEncoder caching = new CachingTextEncoder(enc.encoder(), enc.modelId(), cache);
            ItemVectors v = ItemVectors.encode(enc.modelId(), texts, caching, CHUNK, ItemVectors.Progress.NONE);
            return new ItemInit(v.toArray(), v.dim(), enc.modelId());
        }
    }

    @Override
    public void check(String model) {
        Encoders.modelId(model, EncoderConfig.defaults());
    }
}
