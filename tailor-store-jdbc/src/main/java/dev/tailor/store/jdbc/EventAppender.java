// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.domain.Event;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts events that are not yet stored, within one transaction. Each vendor has the fastest form that still
 * reports exactly how many rows were new.
 */
interface EventAppender extends AutoCloseable {
    /**
     * Inserts every event whose key (user, item, type, timestamp) is not stored yet, including keys repeated
     * inside {@code events} (the first occurrence wins).
     *
     * @return how many rows were inserted
     */
    int append(List<Event> events) throws SQLException;

    @Override
    void close() throws SQLException;
}
