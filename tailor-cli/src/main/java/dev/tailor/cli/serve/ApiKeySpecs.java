// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.serve;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.server.http.ApiKey;
import dev.tailor.server.http.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API keys written {@code NAME:ROLES:KEY} (roles comma-separated, e.g. {@code storefront:read:$READ_KEY} or
 * {@code backend:ingest,read:$KEY}), as given to {@code --api-key} or in {@code TAILOR_API_KEYS} (entries
 * separated by spaces, semicolons or newlines). Error messages name the entry by position and key name and
 * never echo a key.
 */
public final class ApiKeySpecs {
    /** Environment variable read when no {@code --api-key} is given. */
    public static final String ENV = "TAILOR_API_KEYS";

    private ApiKeySpecs() {
    }

    /**
     * Parses entries; every problem is reported at once.
     *
     * @param source where the entries came from, for messages ("--api-key" or the variable's name)
     */
    public static List<ApiKey> parse(List<String> entries, String source) {
        List<ApiKey> keys = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).strip();
            String at = source + " entry " + (i + 1);
            int first = entry.indexOf(':');
            int second = first < 0 ? -1 : entry.indexOf(':', first + 1);
            if (second < 0) {
                // The entry may be a bare key pasted by mistake: describe its shape, never its text.
                problems.add(Problem.of(at, "expected NAME:ROLES:KEY, e.g. storefront:read:<key>"));
                continue;
            }
            String name = entry.substring(0, first).strip();
            String roleList = entry.substring(first + 1, second);
            String key = entry.substring(second + 1);
            String label = name.isEmpty() ? at : at + " ('" + name + "')";
            if (name.isEmpty()) {
                problems.add(Problem.of(at, "the key has no NAME (NAME:ROLES:KEY)"));
                continue;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : roleList.split(",")) {
                try {
                    roles.add(Role.parse(r));
                } catch (ValidationException e) {
                    problems.add(Problem.of(label, e.problems().get(0).reason()));
                }
            }
            if (key.length() < ApiKey.MIN_LENGTH) {
                problems.add(Problem.of(label, "the key must be at least " + ApiKey.MIN_LENGTH + " characters, was "
                        + key.length() + " (e.g. from 'openssl rand -hex 24')"));
                continue;
            }
            if (!roles.isEmpty()) {
                keys.add(new ApiKey(name, key, roles));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return keys;
    }

    /** Splits the environment variable's value into entries. */
    public static List<String> splitEnv(String value) {
        List<String> entries = new ArrayList<>();
        for (String s : value.split("[\\s;]+")) {
            if (!s.isBlank()) {
                entries.add(s);
            }
        }
        return entries;
    }

    /** How a key is shown to people: its name, roles and the first four characters of the secret. */
    public static String describe(ApiKey key) {
        String roles = key.roles().stream().map(Role::wireName).sorted().collect(Collectors.joining(","));
        return String.format(Locale.ROOT, "%s [%s] %s… (%d characters)", key.name(), roles,
                key.key().substring(0, 4), key.key().length());
    }
}
