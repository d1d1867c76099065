// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.core.error.TailorException;

/** A request named a customer, item or segment that does not exist; the HTTP layer answers 404. */
public final class UnknownEntityException extends TailorException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String id;

    public UnknownEntityException(String kind, String id, String hint) {
        super("unknown " + kind + " '" + id + "'" + (hint.isEmpty() ? "" : "; " + hint));
        this.kind = kind;
        this.id = id;
    }

    /** "customer", "item" or "segment". */
    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
