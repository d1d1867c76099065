// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import java.sql.SQLException;
import java.util.Optional;

/** Turns driver exceptions into one readable line for a person; the exception itself stays as the cause. */
final class SqlErrors {
    /** H2: the database file is locked by another process (ErrorCode.DATABASE_ALREADY_OPEN_1). */
    static final int H2_ALREADY_OPEN = 90020;
    /** H2: the file was written by an incompatible H2 version (ErrorCode.FILE_VERSION_ERROR_1). */
    static final int H2_FILE_VERSION = 90048;

    private static final int MAX_LENGTH = 400;

    private SqlErrors() {
    }

    /**
     * The most specific message: PostgreSQL batches hide the real error behind "call getNextException", and
     * H2 appends the whole SQL statement after the first line.
     */
    static String message(SQLException e) {
        SQLException real = e;
        while (real.getNextException() != null) {
            real = real.getNextException();
        }
        String text = real.getMessage() == null ? real.getClass().getSimpleName() : real.getMessage();
        int newline = text.indexOf('\n');
        if (newline > 0) {
            text = text.substring(0, newline);
        }
        int sqlEcho = text.indexOf("; SQL statement:");
        if (sqlEcho > 0) {
            text = text.substring(0, sqlEcho);
        }
        text = text.strip();
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
    }

    /** The first SQLException in a cause chain (pools and Flyway wrap the driver's). */
    static Optional<SQLException> find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
