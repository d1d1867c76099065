// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.store.Store;
import dev.tailor.sequential.registry.SequentialAlgorithms;
import dev.tailor.store.jdbc.JdbcStores;
import dev.tailor.text.cache.EmbeddingCache;
import dev.tailor.text.cache.InMemoryEmbeddingCache;
import dev.tailor.text.cache.StoreEmbeddingCache;

/**
 * The registry every command trains, evaluates, serves and reads model archives with: the standard algorithms
 * plus the sequential models, so a spec that {@code evaluate} accepts also serves and saves. The sequential
 * models' {@code textinit=MODEL} encodes the item texts with the in-process language models; each registry has
 * its own embedding cache, so a command's repeated trainings (tune's trials, evaluate's models) encode a text once.
 */
public final class CliAlgorithms {
    /** Vectors one command may keep in memory: about 80 MB at 384 floats, a few large catalogs. */
    private static final int MEMORY_CACHE_ENTRIES = 50_000;

    private CliAlgorithms() {
    }

    /** A registry whose {@code textinit} vectors are cached in memory, for commands without a store. */
    public static Algorithms all() {
        return with(new InMemoryEmbeddingCache(MEMORY_CACHE_ENTRIES));
    }

    /**
     * A registry whose {@code textinit} vectors go through {@code store}'s embedding cache when it has one (what
     * {@code tailor embed} filled), else through memory; the store must stay open while the registry trains.
     */
    public static Algorithms forStore(Store store) {
        return JdbcStores.embeddings(store).<Algorithms>map(table -> with(new StoreEmbeddingCache(table)))
                .orElseGet(CliAlgorithms::all);
    }

    private static Algorithms with(EmbeddingCache cache) {
        return SequentialAlgorithms.register(Algorithms.standard(), new TextItemVectors(cache));
    }
}
