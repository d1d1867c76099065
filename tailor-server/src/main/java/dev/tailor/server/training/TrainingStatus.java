// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.training;

import java.time.Instant;
import java.util.Optional;

/**
 * Where training stands.
 *
 * @param state idle (never trained in this process), running, succeeded or failed
 * @param version the version being (or last) trained
 * @param startedAt when that training started
 * @param finishedAt when it finished
 * @param error the failure message of a failed training
 */
public record TrainingStatus(String state, long version, Optional<Instant> startedAt, Optional<Instant> finishedAt,
        Optional<String> error) {

    static TrainingStatus idle() {
        return new TrainingStatus("idle", 0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static TrainingStatus running(long version, Instant started) {
        return new TrainingStatus("running", version, Optional.of(started), Optional.empty(), Optional.empty());
    }

    static TrainingStatus succeeded(long version, Instant started, Instant finished) {
        return new TrainingStatus("succeeded", version, Optional.of(started), Optional.of(finished),
                Optional.empty());
    }

    static TrainingStatus failed(long version, Instant started, Instant finished, String error) {
        return new TrainingStatus("failed", version, Optional.of(started), Optional.of(finished),
                Optional.of(error));
    }
}
