// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.domain.EventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What differs between H2 and PostgreSQL 14: upserts and insert-unless-present, for which neither has a form
 * both accept (H2 lacks ON CONFLICT outside its PostgreSQL mode; PostgreSQL 14 lacks MERGE), and distinct
 * counts, which only PostgreSQL can aggregate without holding every value on the heap.
 */
enum Dialect {
    H2 {
        @Override
        String upsert(String table, List<String> columns, String key) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + key + ") VALUES ("
                    + marks(columns.size()) + ")";
        }

        @Override
        EventAppender eventAppender(Connection connection) throws SQLException {
            return new H2EventAppender(connection);
        }

        @Override
        EventCounts eventCounts(Connection connection) throws SQLException {
            return H2EventCounts.count(connection);
        }
    },
    POSTGRESQL {
        @Override
        String upsert(String table, List<String> columns, String key) {
            String updates = columns.stream().filter(c -> !c.equals(key))
                    .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks(columns.size())
                    + ") ON CONFLICT (" + key + ") DO UPDATE SET " + updates;
        }

        @Override
        EventAppender eventAppender(Connection connection) throws SQLException {
            return new PostgresEventAppender(connection);
        }

        /** PostgreSQL aggregates on the server and spills to disk when the distinct values do not fit work_mem. */
        @Override
        EventCounts eventCounts(Connection connection) throws SQLException {
            Map<EventType, Long> byType = new EnumMap<>(EventType.class);
            long events = 0;
            try (PreparedStatement ps = connection.prepareStatement("SELECT type, COUNT(*) FROM events GROUP BY type");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(2);
                    byType.put(Rows.type(rs.getShort(1)), n);
                    events += n;
                }
            }
            // GROUP BY subqueries rather than COUNT(DISTINCT), which always sorts: the planner may hash-aggregate
            // these instead (spilling to disk since PostgreSQL 13).
            try (PreparedStatement ps = connection.prepareStatement("SELECT "
                    + "(SELECT COUNT(*) FROM (SELECT user_id FROM events GROUP BY user_id) u), "
                    + "(SELECT COUNT(*) FROM (SELECT item_id FROM events WHERE item_id <> '' GROUP BY item_id) i), "
                    + "(SELECT COUNT(*) FROM (SELECT user_id, item_id FROM events WHERE item_id <> '' "
                    + "GROUP BY user_id, item_id) p)");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new EventCounts(byType, events, rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    };

    /** Insert-or-replace by the {@code id} column; parameters in {@code columns} order. */
    String upsert(String table, List<String> columns) {
        return upsert(table, columns, "id");
    }

    /** Insert-or-replace by the {@code key} column; parameters in {@code columns} order. */
    abstract String upsert(String table, List<String> columns, String key);

    /** A de-duplicating event inserter bound to one transaction's connection. */
    abstract EventAppender eventAppender(Connection connection) throws SQLException;

    /** Event totals and distinct counts; runs inside the caller's read-only snapshot transaction. */
    abstract EventCounts eventCounts(Connection connection) throws SQLException;

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
