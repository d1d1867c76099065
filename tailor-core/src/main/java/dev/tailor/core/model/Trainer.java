// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.model;

import dev.tailor.core.data.Snapshot;

/**
 * Learns a model from a snapshot. Training and serving are separate types: a trainer holds configuration,
 * the model it returns is immutable (cf. Tribuo's {@code Trainer.train(Dataset) -> Model}).
 */
@FunctionalInterface
public interface Trainer<M extends RecommenderModel> {
    M train(Snapshot training);
}
