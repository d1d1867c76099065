// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.error.TailorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings a store's schema to the version this code expects, with Flyway. Scripts live in
 * {@code db/tailor/V<n>__*.sql} and are written once for both vendors. The history table has a Tailor-specific
 * name so that Tailor can share a PostgreSQL schema with an application that uses Flyway itself.
 */
final class Migrations {
    static final String LOCATION = "classpath:db/tailor";
    static final String HISTORY_TABLE = "tailor_schema_history";

    private Migrations() {
    }

    /**
     * Migrates, refusing a schema newer than this code (Flyway by default just ignores such "future" versions).
     *
     * @param schema the schema to create and migrate; empty for the connection's current schema
     */
    static void migrate(DataSource dataSource, Optional<String> schema, String store) {
        FluentConfiguration config = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE);
        schema.ifPresent(s -> config.defaultSchema(s).schemas(s));
        Flyway flyway = config.load();
        try {
            refuseFuture(flyway, store);
            flyway.migrate();
        } catch (FlywayException e) {
            throw new TailorException("cannot bring the schema of " + store + " up to date: " + e.getMessage(), e);
        }
    }

    private static void refuseFuture(Flyway flyway, String store) {
        List<String> future = new ArrayList<>();
        String known = "none";
        for (MigrationInfo m : flyway.info().all()) {
            MigrationState state = m.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                future.add(m.getVersion().getVersion());
            } else if (m.getVersion() != null && state.isResolved()) {
                known = m.getVersion().getVersion();
            }
        }
        if (!future.isEmpty()) {
            throw new TailorException(store + " has schema version " + future.get(future.size() - 1)
                    + ", newer than this version of Tailor understands (up to " + known
                    + "); upgrade Tailor, or point it at another store");
        }
    }
}
