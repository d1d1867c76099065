// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.error;

/** Root of Tailor's unchecked exceptions; seams never declare checked exceptions. */
public class TailorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TailorException(String message) {
        super(message);
    }

    public TailorException(String message, Throwable cause) {
        super(message, cause);
    }
}
