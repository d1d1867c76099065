// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.training;

import dev.tailor.core.error.TailorException;

/** A training was asked for while one is running; the HTTP layer answers 409. */
public final class TrainingRunningException extends TailorException {
    private static final long serialVersionUID = 1L;
    private final transient TrainingStatus status;

    public TrainingRunningException(TrainingStatus status) {
        super("a training (model set v" + status.version() + ") is already running");
        this.status = status;
    }

    public TrainingStatus status() {
        return status;
    }
}
