// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.sasrec;

import dev.tailor.sequential.train.TrainConfig;
import java.util.Objects;

/**
 * SASRec architecture and training settings.
 *
 * @param dim hidden width d (item embeddings, attention, feed-forward)
 * @param blocks transformer blocks
 * @param heads attention heads (d must be divisible by it)
 * @param dropout dropout rate on embeddings, attention output and feed-forward
 * @param train the training loop's settings (N, batch, epochs, loss, ...)
 */
public record SasRecConfig(int dim, int blocks, int heads, float dropout, TrainConfig train) {
    public SasRecConfig {
        Objects.requireNonNull(train, "train");
    }

    /** d = 64, 2 blocks, 1 head, dropout 0.5 (SASRec's setting for sparse Amazon data), default training. */
    public static SasRecConfig defaults() {
        return new SasRecConfig(64, 2, 1, 0.5f, TrainConfig.defaults());
    }

    public SasRecConfig withTrain(TrainConfig t) {
        return new SasRecConfig(dim, blocks, heads, dropout, t);
    }

    public SasRecConfig withArchitecture(int newDim, int newBlocks, int newHeads, float newDropout) {
        return new SasRecConfig(newDim, newBlocks, newHeads, newDropout, train);
    }
}
