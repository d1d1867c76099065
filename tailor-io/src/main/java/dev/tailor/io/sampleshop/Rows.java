// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import java.util.List;

/**
 * Writes records as CSV lines or JSON Lines objects into a {@link StringBuilder}, column by column in a fixed
 * order. Not thread-safe (it tracks the current column); one per task.
 */
final class Rows {
    private final FileFormat format;
    private final String[] columns;
    private int column;
    private boolean firstField;

    Rows(FileFormat format, String... columns) {
        this.format = format;
        this.columns = columns.clone();
    }

    /** The CSV header line (with newline), or "" for JSON Lines. */
    String header() {
        if (format == FileFormat.JSONL) {
            return "";
        }
        return String.join(",", columns) + "\n";
    }

    void begin(StringBuilder sb) {
        column = 0;
        firstField = true;
        if (format == FileFormat.JSONL) {
            sb.append('{');
        }
    }

    /** A text value; null means absent. */
    void text(StringBuilder sb, String value) {
        if (key(sb, value == null)) {
            if (format == FileFormat.CSV) {
                csv(sb, value);
            } else {
                json(sb, value);
            }
        }
        column++;
    }

    /** A number or boolean literal, written unquoted in JSON; null means absent. */
    void literal(StringBuilder sb, String value) {
        if (key(sb, value == null)) {
            sb.append(value);
        }
        column++;
    }

    void number(StringBuilder sb, long value) {
        key(sb, false);
        sb.append(value);
        column++;
    }

    /** Integral values without a decimal point ("1", not "1.0"); others in Java's shortest form. */
    void number(StringBuilder sb, double value) {
        key(sb, false);
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            sb.append((long) value);
        } else {
            sb.append(value);
        }
        column++;
    }

    void timestamp(StringBuilder sb, long epochMillis) {
        key(sb, false);
        if (format == FileFormat.JSONL) {
            sb.append('"');
        }
        IsoTime.append(sb, epochMillis);
        if (format == FileFormat.JSONL) {
            sb.append('"');
        }
        column++;
    }

    /** A list: '|'-joined in CSV (empty when empty), an array in JSON (omitted when empty). */
    void list(StringBuilder sb, List<String> values) {
        if (format == FileFormat.CSV) {
            text(sb, values.isEmpty() ? null : String.join("|", values));
            return;
        }
        if (key(sb, values.isEmpty())) {
            sb.append('[');
            for (int k = 0; k < values.size(); k++) {
                if (k > 0) {
                    sb.append(',');
                }
                json(sb, values.get(k));
            }
            sb.append(']');
        }
        column++;
    }

    void end(StringBuilder sb) {
        if (column != columns.length) {
            throw new IllegalStateException("row has " + column + " fields, expected " + columns.length);
        }
        if (format == FileFormat.JSONL) {
            sb.append('}');
        }
        sb.append('\n');
    }

    /** Separator and JSON key; returns whether the value should be written. */
    private boolean key(StringBuilder sb, boolean absent) {
        if (format == FileFormat.CSV) {
            if (column > 0) {
                sb.append(',');
            }
            return !absent;
        }
        if (absent) {
            return false;
        }
        if (!firstField) {
            sb.append(',');
        }
        firstField = false;
        json(sb, columns[column]);
        sb.append(':');
        return true;
    }

    static void csv(StringBuilder sb, String s) {
        boolean quote = !s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                || Character.isWhitespace(s.charAt(s.length() - 1)));
        for (int k = 0; k < s.length() && !quote; k++) {
            char c = s.charAt(k);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    static void json(StringBuilder sb, String s) {
        sb.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
