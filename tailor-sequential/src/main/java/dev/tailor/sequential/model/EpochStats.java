// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.model;

/**
 * One epoch of training: the learning curve is a list of these.
 *
 * @param epoch 1-based
 * @param trainLoss mean cross-entropy per training position
 * @param validNdcg10 validation NDCG@10 (full ranking, history masked); NaN without validation users
 * @param validHit10 validation hit rate @10; NaN without validation users
 * @param wallSeconds wall time of the epoch including validation
 * @param cpuSeconds process CPU time of the epoch (all threads; may include other threads of the JVM)
 */
public record EpochStats(int epoch, double trainLoss, double validNdcg10, double validHit10, double wallSeconds,
        double cpuSeconds) {
}
