// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the key a request presents ({@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}) against the
 * configured keys. Only SHA-256 digests of the keys are kept, and digests are compared in constant time, so
 * neither a heap dump nor response timing reveals a key. Thread-safe.
 */
public final class ApiKeys {
    private final List<Entry> entries;
    private final boolean disabled;

    private record Entry(byte[] digest, String name, Set<Role> roles) {
    }

    /** The caller, as far as authentication goes. */
    public record Principal(String name, Set<Role> roles) {
        public boolean may(Role role) {
            return roles.contains(Role.ADMIN) || roles.contains(role);
        }
    }

    /**
     * @param disabled let every request through as an anonymous admin (demos on a laptop; never in production)
     */
    public ApiKeys(List<ApiKey> keys, boolean disabled) {
        this.entries = keys.stream().map(k -> new Entry(digest(k.key()), k.name(), k.roles())).toList();
        this.disabled = disabled;
    }

    public boolean disabled() {
        return disabled;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The key from the request headers, if any. */
    static Optional<String> presented(String authorization, String apiKeyHeader) {
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            return Optional.of(apiKeyHeader.strip());
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String k = authorization.substring(7).strip();
            return k.isEmpty() ? Optional.empty() : Optional.of(k);
        }
        return Optional.empty();
    }

    /**
     * Authorizes a request for a role.
     *
     * @throws HttpProblem 401 when no key or an unknown key is presented, 403 when the key lacks the role
     */
    public Principal authorize(String authorization, String apiKeyHeader, Role required) {
        if (disabled) {
            return new Principal("anonymous", Set.of(Role.ADMIN));
        }
        Optional<String> key = presented(authorization, apiKeyHeader);
        if (key.isEmpty()) {
            throw new HttpProblem(401, "unauthorized", "Missing API key", "send an API key as 'Authorization: Bearer"
                    + " <key>' or 'X-Api-Key: <key>'", List.of(), Map.of("WWW-Authenticate", "Bearer"));
        }
        byte[] d = digest(key.get());
        Entry match = null;
        for (Entry e : entries) {
            // No early exit: the time taken does not depend on which key matched.
            if (MessageDigest.isEqual(d, e.digest)) {
                match = e;
            }
        }
        if (match == null) {
            throw new HttpProblem(401, "unauthorized", "Invalid API key", "the API key is not valid",
                    List.of(), Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
        Principal p = new Principal(match.name, match.roles);
        if (!p.may(required)) {
            throw new HttpProblem(403, "forbidden", "Forbidden", "the key '" + match.name + "' lacks the '"
                    + required.wireName() + "' role this endpoint needs");
        }
        return p;
    }
}
