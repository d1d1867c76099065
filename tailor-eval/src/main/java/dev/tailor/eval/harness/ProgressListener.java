// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.harness;

/**
 * Told how a run advances; the CLI binds a progress bar to it. Called from worker threads, so implementations
 * must be thread-safe and cheap.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage e.g. "train item-knn" or "score item-knn"
     * @param done units finished in this stage
     * @param total units in this stage
     */
    void progress(String stage, long done, long total);
}
