// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.domain.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * H2: a batched, one-row MERGE ... WHEN NOT MATCHED THEN INSERT. H2 runs a batch's rows one after another in
 * the same transaction, so a row also sees the rows batched before it, which de-duplicates within the batch.
 * Each row's update count is 1 or 0, which gives the number of new events.
 */
final class H2EventAppender implements EventAppender {
    /** Rows per executeBatch: large enough to amortize the call, small enough to keep the batch's params small. */
    static final int BATCH = 1_000;

    private static final String SQL = "MERGE INTO events e USING (VALUES (CAST(? AS VARCHAR(128)), "
            + "CAST(? AS VARCHAR(128)), CAST(? AS SMALLINT), CAST(? AS BIGINT), CAST(? AS DOUBLE PRECISION), "
            + "CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR), "
            + "CAST(? AS INTEGER))) AS n (" + String.join(", ", Rows.EVENT_COLUMNS) + ") "
            + "ON e.user_id = n.user_id AND e.item_id = n.item_id AND e.type = n.type AND e.ts_ms = n.ts_ms "
            + "WHEN NOT MATCHED THEN INSERT (" + String.join(", ", Rows.EVENT_COLUMNS) + ") VALUES (n."
            + String.join(", n.", Rows.EVENT_COLUMNS) + ")";

    private final PreparedStatement merge;

    H2EventAppender(Connection connection) throws SQLException {
        merge = connection.prepareStatement(SQL);
    }

    @Override
    public int append(List<Event> events) throws SQLException {
        int inserted = 0;
        int pending = 0;
        for (int i = 0, n = events.size(); i < n; i++) {
            Rows.bindEvent(merge, 0, events.get(i));
            merge.addBatch();
            if (++pending == BATCH) {
                inserted += sum(merge.executeBatch());
                pending = 0;
            }
        }
        if (pending > 0) {
            inserted += sum(merge.executeBatch());
        }
        return inserted;
    }

    private static int sum(int[] counts) {
        int s = 0;
        for (int c : counts) {
            s += c;
        }
        return s;
    }

    @Override
    public void close() throws SQLException {
        merge.close();
    }
}
