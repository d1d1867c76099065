// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.domain.EventType;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening stores: what happens when the spec, the database or its schema is not what Tailor needs. */
class JdbcStoresTest {
    @Test
    void aBadSpecIsAValidationErrorNamingTheSpec() {
        assertThatThrownBy(() -> JdbcStores.open("oracle:thin:@db"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("oracle:thin:@db");
    }

    @Test
    void anUnreachablePostgresIsAClearErrorWithoutThePassword() {
        // Port 1 on the loopback interface: nothing listens there, so the connection is refused at once.
        String spec = "jdbc:postgresql://127.0.0.1:1/shop?user=u&password=hunter2&connectTimeout=2";

        assertThatThrownBy(() -> JdbcStores.open(spec, name -> null))
                .isInstanceOf(TailorException.class)
                .hasMessageContaining("cannot open store")
                .hasMessageContaining("127.0.0.1:1/shop")
                .hasMessageContaining("cannot connect")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anUnknownPostgresUserSaysAuthenticationFailed() {
        String url = PostgresTestServer.baseUrl().replaceAll("[?&]user=[^&]*", "");
        Map<String, String> env = Map.of("TAILOR_PG_USER", "no_such_role_xyz", "TAILOR_PG_PASSWORD", "wrong-pw");

        assertThatThrownBy(() -> JdbcStores.open(url, env::get))
                .isInstanceOf(TailorException.class)
                .hasMessageContaining("authentication failed")
                .hasMessageContaining("TAILOR_PG_USER")
                .hasMessageNotContaining("wrong-pw");
    }

    @Test
    void anH2DirectoryHeldByAnotherProcessIsReportedAsInUse(@TempDir Path dir) throws Exception {
        String spec = "h2:" + dir;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                H2LockHolder.class.getName(), spec).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith(H2LockHolder.READY));
            assertThat(line).as("the holder process opened the store").startsWith(H2LockHolder.READY);

            assertThatThrownBy(() -> JdbcStores.open(spec))
                    .isInstanceOf(TailorException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("in use by another process");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        // Once the other process has let go, the directory opens normally.
        try (Store store = JdbcStores.open(spec)) {
            assertThat(store.stats().events()).isZero();
        }
    }

    @Test
    void anH2StoreWithANewerSchemaIsRefused(@TempDir Path dir) throws Exception {
        String spec = "h2:" + dir;
        JdbcStores.open(spec).close();
        try (Connection c = DriverManager.getConnection(StoreSpec.parse(spec, name -> null).jdbcUrl())) {
            pretendANewerTailorMigrated(c);
        }

        assertThatThrownBy(() -> JdbcStores.open(spec))
                .isInstanceOf(TailorException.class)
                .hasMessageContaining("H2 at " + dir)
                .hasMessageContaining("schema version 999")
                .hasMessageContaining("upgrade Tailor");
    }

    @Test
    void aPostgresStoreWithANewerSchemaIsRefused() throws Exception {
        String spec = PostgresTestServer.newSchemaSpec();
        try {
            JdbcStores.open(spec).close();
            StoreSpec parsed = StoreSpec.parse(spec, System::getenv);
            java.util.Properties props = new java.util.Properties();
            parsed.user().ifPresent(u -> props.setProperty("user", u));
            parsed.password().ifPresent(p -> props.setProperty("password", p));
            try (Connection c = DriverManager.getConnection(parsed.jdbcUrl(), props)) {
                pretendANewerTailorMigrated(c);
            }

            assertThatThrownBy(() -> JdbcStores.open(spec))
                    .isInstanceOf(TailorException.class)
                    .hasMessageContaining("schema version 999");
        } finally {
            PostgresTestServer.dropSchemaOf(spec);
        }
    }

    private static void pretendANewerTailorMigrated(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            // Flyway quotes its lower-case names, which H2 would otherwise upper-case.
            s.executeUpdate("INSERT INTO \"" + Migrations.HISTORY_TABLE + "\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
                    + " \"success\")"
                    + " VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'test', 0,"
                    + " TRUE)");
        }
    }

    @Test
    void theEventTypesTableMatchesTheEnum() throws Exception {
        Map<Integer, String> expected = new LinkedHashMap<>();
        for (EventType t : EventType.values()) {
            expected.put(t.ordinal(), t.wireName());
        }
        Map<Integer, String> stored = new LinkedHashMap<>();
        String spec = "h2:mem:event-types";
        try (Store store = JdbcStores.open(spec);
             Connection c = DriverManager.getConnection(StoreSpec.parse(spec, name -> null).jdbcUrl());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT code, name FROM event_types ORDER BY code")) {
            assertThat(store.stats().events()).isZero();
            while (rs.next()) {
                stored.put(rs.getInt(1), rs.getString(2));
            }
        }

        assertThat(stored).isEqualTo(expected);
        assertThat(List.copyOf(stored.keySet())).doesNotHaveDuplicates();
    }
}
