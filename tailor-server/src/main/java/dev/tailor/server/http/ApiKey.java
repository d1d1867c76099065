// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import dev.tailor.core.error.ValidationException;
import java.util.EnumSet;
import java.util.Set;

/**
 * A configured API key.
 *
 * @param name who holds it (logged with each request; the key itself never is)
 * @param key the secret, at least {@value #MIN_LENGTH} characters
 * @param roles what it may do
 */
public record ApiKey(String name, String key, Set<Role> roles) {
    public static final int MIN_LENGTH = 16;

    public ApiKey {
        if (name == null || name.isBlank()) {
            throw ValidationException.of("api_keys.name", "missing key name");
        }
        if (key == null || key.length() < MIN_LENGTH) {
            throw ValidationException.of("api_keys." + name + ".key", "must be at least " + MIN_LENGTH
                    + " characters");
        }
        if (roles == null || roles.isEmpty()) {
            throw ValidationException.of("api_keys." + name + ".roles", "needs at least one role");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    @Override
    public String toString() {
        return "ApiKey[" + name + ", roles=" + roles + "]";
    }
}
