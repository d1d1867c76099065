// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.gru;

import dev.tailor.sequential.train.TrainConfig;
import java.util.Objects;

/**
 * GRU4Rec architecture and training settings.
 *
 * @param dim embedding and hidden width
 * @param dropout dropout on the input embeddings and on the hidden states
 * @param train the training loop's settings (shared with SASRec)
 */
public record GruConfig(int dim, float dropout, TrainConfig train) {
    public GruConfig {
        Objects.requireNonNull(train, "train");
    }

    /** d = 64, dropout 0.3, default training. */
    public static GruConfig defaults() {
        return new GruConfig(64, 0.3f, TrainConfig.defaults());
    }

    public GruConfig withTrain(TrainConfig t) {
        return new GruConfig(dim, dropout, t);
    }
}
