// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.store.Erasure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQL of the data-protection operations: one customer's events (a scan of the events table: see V3), erasure of
 * everything stored under a pseudonym, and retention (served by {@code events_time}). Callers own the
 * transaction.
 */
final class CustomerRows {
    private static final String EVENTS_OF = Rows.select("events", Rows.EVENT_COLUMNS)
            + " WHERE user_id = ? ORDER BY ts_ms, seq";

    private CustomerRows() {
    }

    /** A row callback that may throw SQLException. */
    @FunctionalInterface
    interface RowAction {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Consumes one customer's events in time order. */
    static void eventsOf(Connection c, String key, RowAction action) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EVENTS_OF)) {
            ps.setFetchSize(JdbcStore.FETCH_SIZE);
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(rs);
                }
            }
        }
    }

    /**
     * Deletes the events, profile and identity mapping stored under {@code key}, and every archived model: a saved
     * model set holds customers' histories and ids, and telling which sets hold this one would mean decoding them
     * all. A server then trains afresh at its next start instead of loading a set (the erased customer's data
     * must not come back from the archive).
     */
    static Erasure erase(Connection c, String key) throws SQLException {
        long events = delete(c, "DELETE FROM events WHERE user_id = ?", key);
        long profile = delete(c, "DELETE FROM customers WHERE id = ?", key);
        long identity = delete(c, "DELETE FROM customer_identities WHERE pseudonym = ?", key);
        if (events > 0 || profile > 0) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM model_archive_chunks");
                s.executeUpdate("DELETE FROM model_archive");
            }
        }
        return new Erasure(profile > 0, events, identity > 0);
    }

    /** Deletes the events with {@code ts_ms < cutoffMs}. */
    static long purgeBefore(Connection c, long cutoffMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM events WHERE ts_ms < ?")) {
            ps.setLong(1, cutoffMs);
            return ps.executeLargeUpdate();
        }
    }

    private static long delete(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            return ps.executeLargeUpdate();
        }
    }
}
