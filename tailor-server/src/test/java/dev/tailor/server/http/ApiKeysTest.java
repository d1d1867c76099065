// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    private final ApiKeys keys = new ApiKeys(List.of(
            new ApiKey("backend", "ingest-0123456789abcdef", Set.of(Role.INGEST)),
            new ApiKey("front", "read-0123456789abcdef00", Set.of(Role.READ)),
            new ApiKey("ops", "admin-0123456789abcdef0", Set.of(Role.ADMIN))), false);

    private static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (HttpProblem p) {
            return p.status();
        }
    }

    @Test
    void bearerAndHeaderKeysAreAcceptedForTheirRoles() {
        assertThat(keys.authorize("Bearer ingest-0123456789abcdef", null, Role.INGEST).name()).isEqualTo("backend");
        assertThat(keys.authorize("bearer  read-0123456789abcdef00 ", null, Role.READ).name()).isEqualTo("front");
        assertThat(keys.authorize(null, "read-0123456789abcdef00", Role.READ).name()).isEqualTo("front");
        // An admin key may do everything.
        assertThat(keys.authorize(null, "admin-0123456789abcdef0", Role.INGEST).name()).isEqualTo("ops");
    }

    @Test
    void missingUnknownAndUnderprivilegedKeys() {
        assertThat(status(() -> keys.authorize(null, null, Role.READ))).isEqualTo(401);
        assertThat(status(() -> keys.authorize("Basic abc", null, Role.READ))).isEqualTo(401);
        assertThat(status(() -> keys.authorize("Bearer ", null, Role.READ))).isEqualTo(401);
        assertThat(status(() -> keys.authorize("Bearer nope-0123456789abcdef", null, Role.READ))).isEqualTo(401);
        assertThat(status(() -> keys.authorize("Bearer read-0123456789abcdef00", null, Role.INGEST))).isEqualTo(403);
        assertThat(status(() -> keys.authorize(null, "ingest-0123456789abcdef", Role.ADMIN))).isEqualTo(403);
        HttpProblem p = org.junit.jupiter.api.Assertions.assertThrows(HttpProblem.class,
                () -> keys.authorize(null, null, Role.READ));
        assertThat(p.headers()).containsEntry("WWW-Authenticate", "Bearer");
    }

    @Test
    void disabledAuthenticationLetsEverythingThrough() {
        ApiKeys open = new ApiKeys(List.of(), true);
        assertThat(open.authorize(null, null, Role.ADMIN).may(Role.INGEST)).isTrue();
    }

    @Test
    void keysMustBeLongNamedAndHaveRoles() {
        assertThatThrownBy(() -> new ApiKey("x", "short", Set.of(Role.READ))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least 16");
        assertThatThrownBy(() -> new ApiKey(" ", "0123456789abcdefgh", Set.of(Role.READ)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new ApiKey("x", "0123456789abcdefgh", Set.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("role");
        assertThat(new ApiKey("x", "0123456789abcdefgh", Set.of(Role.READ)).toString()).doesNotContain("0123");
        assertThat(Role.parse(" Admin ")).isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("ingest, read, admin");
    }
}
