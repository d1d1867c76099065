// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import dev.tailor.core.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an API key may do. An admin key may do everything. */
public enum Role {
    /** Write items, customers and events. */
    INGEST,
    /** Read recommendations. */
    READ,
    /** Train, change rules, read online metrics and server metrics. */
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.wireName().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return r;
            }
        }
        throw ValidationException.of("roles", "unknown role '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", ")));
    }
}
