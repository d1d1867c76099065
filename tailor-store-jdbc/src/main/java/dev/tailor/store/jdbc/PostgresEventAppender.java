// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.domain.Event;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.jdbc.PgConnection;

/**
 * PostgreSQL: one {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING} per chunk. One statement
 * per chunk returns the exact number of inserted rows, which a reWriteBatchedInserts batch does not (the driver
 * reports SUCCESS_NO_INFO for rewritten rows), and it is at least as fast: one parse, one round trip, ten array
 * parameters instead of ten thousand scalars. ON CONFLICT DO NOTHING also skips repeats within the statement.
 * Rows are inserted in array order, so seq follows the order of the list.
 */
final class PostgresEventAppender implements EventAppender {
    /** Rows per statement; bounds the arrays held in memory and sent in one message. */
    static final int CHUNK = 10_000;

    private static final String SQL = "INSERT INTO events (" + String.join(", ", Rows.EVENT_COLUMNS) + ") "
            + "SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::int2[], ?::int8[], ?::float8[], ?::varchar[], "
            + "?::varchar[], ?::varchar[], ?::varchar[], ?::int4[]) "
            + "ON CONFLICT (user_id, item_id, type, ts_ms) DO NOTHING";

    private final PgConnection pg;
    private final PreparedStatement insert;

    PostgresEventAppender(Connection connection) throws SQLException {
        // The driver's own createArrayOf takes primitive arrays (short[], long[], double[]) without boxing.
        pg = connection.unwrap(PgConnection.class);
        insert = connection.prepareStatement(SQL);
    }

    @Override
    public int append(List<Event> events) throws SQLException {
        int inserted = 0;
        for (int from = 0, n = events.size(); from < n; from += CHUNK) {
            inserted += insertChunk(events, from, Math.min(n, from + CHUNK));
        }
        return inserted;
    }

    private int insertChunk(List<Event> events, int from, int to) throws SQLException {
        int size = to - from;
        String[] users = new String[size];
        String[] items = new String[size];
        short[] types = new short[size];
        long[] times = new long[size];
        double[] values = new double[size];
        String[] sessions = new String[size];
        String[] scenes = new String[size];
        String[] requests = new String[size];
        String[] queries = new String[size];
        Integer[] positions = new Integer[size];
        for (int i = 0; i < size; i++) {
            Event e = events.get(from + i);
            users[i] = e.userId();
            items[i] = Rows.itemKey(e);
            types[i] = (short) e.type().ordinal();
            times[i] = e.timestamp().toEpochMilli();
            values[i] = e.value();
            sessions[i] = e.sessionId();
            scenes[i] = e.scene();
            requests[i] = e.requestId();
            queries[i] = e.query();
            positions[i] = e.position();
        }
        Array[] arrays = {
            pg.createArrayOf("varchar", users), pg.createArrayOf("varchar", items), pg.createArrayOf("int2", types),
            pg.createArrayOf("int8", times), pg.createArrayOf("float8", values),
            pg.createArrayOf("varchar", sessions), pg.createArrayOf("varchar", scenes),
            pg.createArrayOf("varchar", requests), pg.createArrayOf("varchar", queries),
            pg.createArrayOf("int4", positions)};
        try {
            for (int p = 0; p < arrays.length; p++) {
                insert.setArray(p + 1, arrays[p]);
            }
            return insert.executeUpdate();
        } finally {
            for (Array a : arrays) {
                a.free();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
