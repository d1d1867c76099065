// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

/**
 * Formats epoch milliseconds as {@code 2024-03-01T10:15:30.123Z} without allocating: the events file has one
 * timestamp per line and {@code DateTimeFormatter} would dominate the cost of writing it. Always writes the
 * milliseconds (unlike {@code Instant.toString()}), which {@code Instant.parse} reads back unchanged.
 * Years 0000..9999 only; the config keeps every timestamp in that range.
 */
final class IsoTime {
    private static final long DAY_MS = 86_400_000L;

    private IsoTime() {
    }

    static void append(StringBuilder sb, long epochMillis) {
        long days = Math.floorDiv(epochMillis, DAY_MS);
        long msOfDay = Math.floorMod(epochMillis, DAY_MS);
        // civil_from_days, Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        long year = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        if (month <= 2) {
            year++;
        }
        if (year < 0 || year > 9_999) {
            throw new IllegalArgumentException("year out of range 0..9999: " + year);
        }
        digits(sb, year, 4);
        sb.append('-');
        digits(sb, month, 2);
        sb.append('-');
        digits(sb, day, 2);
        sb.append('T');
        digits(sb, msOfDay / 3_600_000, 2);
        sb.append(':');
        digits(sb, msOfDay / 60_000 % 60, 2);
        sb.append(':');
        digits(sb, msOfDay / 1_000 % 60, 2);
        sb.append('.');
        digits(sb, msOfDay % 1_000, 3);
        sb.append('Z');
    }

    static String format(long epochMillis) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, epochMillis);
        return sb.toString();
    }

    private static void digits(StringBuilder sb, long value, int width) {
        long div = 1;
        for (int k = 1; k < width; k++) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            sb.append((char) ('0' + value / div % 10));
        }
    }
}
