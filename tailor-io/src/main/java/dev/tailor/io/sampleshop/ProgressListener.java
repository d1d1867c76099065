// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

/**
 * Told about generation progress after each chunk is written, always on the thread that called the generator,
 * so an implementation needs no synchronization (a CLI progress bar, a log line).
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores progress. */
    ProgressListener NONE = progress -> { };

    void onProgress(Progress progress);

    /** What is being generated. */
    enum Phase { ITEMS, CUSTOMERS, EVENTS }

    /**
     * @param phase the current phase
     * @param done items or customers finished in this phase (for EVENTS: customers whose events are written)
     * @param total items or customers in this phase
     * @param events events written so far
     */
    record Progress(Phase phase, long done, long total, long events) {
    }
}
