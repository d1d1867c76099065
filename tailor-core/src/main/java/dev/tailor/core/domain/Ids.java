// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.domain;

import dev.tailor.core.error.ValidationException;

/** Rules for external ids, shared by every record so that the store and the API agree on them. */
public final class Ids {
    /** Long enough for UUIDs, ASINs, hashes and composite keys; short enough to index cheaply. */
    public static final int MAX_LENGTH = 128;

    private Ids() {
    }

    /** Trims the id and checks it is 1..128 characters without control characters. */
    public static String require(String field, String id) {
        if (id == null || id.isBlank()) {
            throw ValidationException.of(field, "missing id");
        }
        String t = id.strip();
        if (t.length() > MAX_LENGTH) {
            throw ValidationException.of(field, "id longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.isISOControl(t.charAt(i))) {
                throw ValidationException.of(field, "id contains a control character at position " + i);
            }
        }
        return t;
    }

    /** Null or blank becomes null; otherwise as {@link #require}. */
    public static String optional(String field, String id) {
        return id == null || id.isBlank() ? null : require(field, id);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
