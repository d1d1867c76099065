// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.io.importer.text.MalformedTextException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Field-level parsing shared by the importers. Every failure is a {@link ValidationException} naming the field
 * and saying what was expected; the session adds file and line.
 */
final class Values {
    /** Epoch values below this are seconds, above it milliseconds: 1e11 s is the year 5138, 1e11 ms is 1973. */
    static final double SECONDS_MILLIS_BOUNDARY = 1e11;
    static final String TIMESTAMP_FORMATS =
            "epoch seconds, epoch milliseconds or ISO-8601 (e.g. 2024-03-01T12:00:00Z, 2024-03-01 12:00, 2024-03-01)";

    private Values() {
    }

    /**
     * Splits a line at every {@code separator} and checks the field count.
     *
     * @param layout how the fields are described in the error, e.g. "user_id|age|gender|occupation|zip_code"
     */
    static String[] split(String line, char separator, int expected, String layout) {
        String[] out = new String[expected];
        int n = 0;
        int start = 0;
        while (true) {
            int end = line.indexOf(separator, start);
            if (n < expected) {
                out[n] = end < 0 ? line.substring(start) : line.substring(start, end);
            }
            n++;
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        if (n != expected) {
            throw fieldCount(expected, n, printable(separator), layout);
        }
        return out;
    }

    /** Splits at a multi-character separator such as MovieLens 1M's "::". */
    static String[] split(String line, String separator, int expected, String layout) {
        String[] out = new String[expected];
        int n = 0;
        int start = 0;
        while (true) {
            int end = line.indexOf(separator, start);
            if (n < expected) {
                out[n] = end < 0 ? line.substring(start) : line.substring(start, end);
            }
            n++;
            if (end < 0) {
                break;
            }
            start = end + separator.length();
        }
        if (n != expected) {
            throw fieldCount(expected, n, "'" + separator + "'", layout);
        }
        return out;
    }

    /** Splits at every {@code separator}, dropping empty tokens, so runs of separators count as one. */
    static List<String> tokens(String line, char separator) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start <= line.length()) {
            int end = line.indexOf(separator, start);
            if (end < 0) {
                end = line.length();
            }
            if (end > start) {
                out.add(line.substring(start, end));
            }
            start = end + 1;
        }
        return out;
    }

    static MalformedTextException fieldCount(int expected, int found, String separator, String layout) {
        return new MalformedTextException(MalformedTextException.Kind.FIELD_COUNT, Problem.of("", "expected "
                + expected + " fields separated by " + separator + " (" + layout + "), found " + found));
    }

    private static String printable(char c) {
        return switch (c) {
            case '\t' -> "tabs";
            case ' ' -> "spaces";
            default -> "'" + c + "'";
        };
    }

    static int parseInt(String field, String text) {
        String t = text.strip();
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw ValidationException.of(field, "expected a whole number, was '" + text + "'");
        }
    }

    static double parseDouble(String field, String text) {
        String t = text.strip();
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v) && isPlainNumber(t)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below, which says what a number looks like here.
        }
        throw ValidationException.of(field, "expected a number such as 4 or 3.5, was '" + text + "'");
    }

    /** Rejects what {@link Double#parseDouble} accepts but no data file means: "NaN", "1e3f", hex floats. */
    private static boolean isPlainNumber(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }

    /** Whole epoch seconds, as MovieLens and Taobao write them. */
    static long epochSecondsToMillis(String field, String text) {
        String t = text.strip();
        try {
            return Math.multiplyExact(Long.parseLong(t), 1000L);
        } catch (NumberFormatException | ArithmeticException e) {
            throw ValidationException.of(field, "expected epoch seconds (a whole number), was '" + text + "'");
        }
    }

    /**
     * A timestamp in any of the {@link #TIMESTAMP_FORMATS}. Numbers are epoch seconds when below 1e11 and
     * milliseconds otherwise (fractional seconds are kept to the millisecond); ISO-8601 without a zone or
     * offset is read as UTC, and a space may stand for the 'T'.
     */
    static long timestampMillis(String field, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw ValidationException.of(field, "missing timestamp; expected " + TIMESTAMP_FORMATS);
        }
        if (looksNumeric(t)) {
            try {
                if (t.indexOf('.') < 0) {
                    long v = Long.parseLong(t);
                    return Math.abs((double) v) < SECONDS_MILLIS_BOUNDARY ? Math.multiplyExact(v, 1000L) : v;
                }
                double v = Double.parseDouble(t);
                return Math.abs(v) < SECONDS_MILLIS_BOUNDARY ? Math.round(v * 1000.0) : Math.round(v);
            } catch (NumberFormatException | ArithmeticException e) {
                throw badTimestamp(field, text);
            }
        }
        String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from,
                    LocalDateTime::from);
            Instant instant = parsed instanceof ZonedDateTime z ? z.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            return instant.toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            // Not a date-time; a bare date is the last accepted form.
        }
        try {
            return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw badTimestamp(field, text);
        }
    }

    private static ValidationException badTimestamp(String field, String text) {
        return ValidationException.of(field, "unparsable timestamp '" + text + "'; expected " + TIMESTAMP_FORMATS);
    }

    private static boolean looksNumeric(String t) {
        int start = t.charAt(0) == '-' ? 1 : 0;
        if (start == t.length()) {
            return false;
        }
        int dots = 0;
        for (int i = start; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots <= 1;
    }

    /** true/false, 1/0, yes/no, y/n, t/f (any case). */
    static boolean parseBoolean(String field, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "t" -> true;
            case "false", "0", "no", "n", "f" -> false;
            default -> throw ValidationException.of(field, "expected true/false, 1/0 or yes/no, was '" + text + "'");
        };
    }

    /** Re-labels problems raised under a record's field name with the column name the file actually uses. */
    static ValidationException renamed(ValidationException e, String from, String to) {
        List<Problem> out = new ArrayList<>(e.problems().size());
        for (Problem p : e.problems()) {
            out.add(p.field().equals(from) ? new Problem(p.source(), p.line(), to, p.reason()) : p);
        }
        return new ValidationException(out);
    }
}
