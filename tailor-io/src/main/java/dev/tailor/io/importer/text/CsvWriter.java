// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer.text;

import java.util.List;

/**
 * Formats CSV records that {@link CsvParser} (and any RFC 4180 reader) reads back unchanged: a field is quoted
 * when it contains the delimiter, a quote, CR or LF, or when it is the only field of a record and empty (a
 * blank line would otherwise be skipped). Used for exports and to test the parser by round trip.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    /** One record without a line terminator. */
    public static String format(List<String> fields, char delimiter) {
        StringBuilder sb = new StringBuilder();
        appendRecord(sb, fields, delimiter);
        return sb.toString();
    }

    /** Appends one record (without a line terminator) to {@code out}. */
    public static void appendRecord(StringBuilder out, List<String> fields, char delimiter) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a CSV record has at least one field");
        }
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
            out.append("\"\"");
            return;
        }
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                out.append(delimiter);
            }
            appendField(out, fields.get(f), delimiter);
        }
    }

    /** Appends one field, quoted only when needed. */
    public static void appendField(StringBuilder out, String field, char delimiter) {
        if (!needsQuotes(field, delimiter)) {
            out.append(field);
            return;
        }
        out.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static boolean needsQuotes(String field, char delimiter) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
