// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The few statements whose SQL differs between H2 and PostgreSQL 14: upserts and insert-unless-present.
 * Neither has a form both accept (H2 lacks ON CONFLICT outside its PostgreSQL mode; PostgreSQL 14 lacks MERGE).
 */
enum Dialect {
    H2 {
        @Override
        String upsert(String table, List<String> columns) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (id) VALUES ("
                    + marks(columns.size()) + ")";
        }

        @Override
        EventAppender eventAppender(Connection connection) throws SQLException {
            return new H2EventAppender(connection);
        }
    },
    POSTGRESQL {
        @Override
        String upsert(String table, List<String> columns) {
            String updates = columns.stream().filter(c -> !c.equals("id"))
                    .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks(columns.size())
                    + ") ON CONFLICT (id) DO UPDATE SET " + updates;
        }

        @Override
        EventAppender eventAppender(Connection connection) throws SQLException {
            return new PostgresEventAppender(connection);
        }
    };

    /** Insert-or-replace by the {@code id} column; parameters in {@code columns} order. */
    abstract String upsert(String table, List<String> columns);

    /** A de-duplicating event inserter bound to one transaction's connection. */
    abstract EventAppender eventAppender(Connection connection) throws SQLException;

    static Dialect of(StoreSpec.Vendor vendor) {
        return switch (vendor) {
            case H2 -> H2;
            case POSTGRESQL -> POSTGRESQL;
        };
    }

    static String marks(int n) {
        StringBuilder sb = new StringBuilder(2 * n);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }
}
