// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import dev.tailor.core.error.TailorException;

/** A request ran past its time budget; the HTTP layer answers 503 so the client can retry elsewhere or later. */
public final class RequestTimeoutException extends TailorException {
    private static final long serialVersionUID = 1L;

    public RequestTimeoutException(String message) {
        super(message);
    }
}
