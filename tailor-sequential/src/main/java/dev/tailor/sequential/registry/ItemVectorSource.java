// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.registry;

import dev.tailor.core.data.Snapshot;
import dev.tailor.sequential.train.ItemInit;

/**
 * Where the {@code textinit} parameter's item vectors come from: given the snapshot a trainer is about to train on
 * and a text model's name, one vector per snapshot item (dense index order; all-zero for an item without text).
 * This module never sees the language models ({@code tailor-text} is not a compile dependency), so the code that
 * does (the CLI) passes an implementation to {@link SequentialAlgorithms#register(
 * dev.tailor.algorithms.registry.Algorithms, ItemVectorSource)}.
 */
@FunctionalInterface
public interface ItemVectorSource {
    /**
     * The item vectors of {@code training} under the text model {@code model}.
     *
     * @throws dev.tailor.core.error.ValidationException for an unknown model name
     */
    ItemInit itemInit(Snapshot training, String model);

    /**
     * Checks {@code model} without loading it, so a bad name fails when the spec is read, before any training;
     * the default accepts every name and leaves the check to {@link #itemInit}.
     *
     * @throws dev.tailor.core.error.ValidationException for an unknown model name
     */
    default void check(String model) {
    }
}
