// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.error.Problem;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an import did: how much it read, wrote and rejected, and why.
 *
 * @param source the file or folder imported
 * @param rowsRead data rows (lines or CSV records) read from every file, including rejected ones; blank lines
 *     and header lines are not rows
 * @param itemsImported items handed to the writer
 * @param customersImported customers handed to the writer
 * @param eventsImported events the writer reported as new
 * @param duplicateEvents events the writer skipped: exact repeats of stored events (a snapshot builder also
 *     skips search events without an item)
 * @param rejectedByReason rejected rows per reason: the offending field ("timestamp", "type", ...) or a text
 *     problem ("encoding", "field count", "csv quoting", ...), in first-seen order
 * @param problems the first {@link ImportOptions#maxProblems()} problems, each with file, line and field
 * @param warnings things worth knowing that rejected nothing (ignored columns, for example)
 * @param elapsed wall-clock time of the import
 */
public record ImportReport(
        String source,
        long rowsRead,
        long itemsImported,
        long customersImported,
        long eventsImported,
        long duplicateEvents,
        Map<String, Long> rejectedByReason,
        List<Problem> problems,
        List<String> warnings,
        Duration elapsed) {

    public ImportReport {
        Objects.requireNonNull(source, "source");
        rejectedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(rejectedByReason));
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Rows rejected for any reason. */
    public long rejectedRows() {
        long n = 0;
        for (long v : rejectedByReason.values()) {
            n += v;
        }
        return n;
    }

    /** Multi-line text for people: counts first, then rejections with the kept problems, then warnings. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(source).append(": read ").append(count(rowsRead, "row")).append(", imported ")
                .append(count(itemsImported, "item")).append(", ")
                .append(count(customersImported, "customer")).append(", ")
                .append(count(eventsImported, "event"))
                .append(String.format(Locale.ROOT, " in %.1f s", elapsed.toMillis() / 1000.0)).append('.');
        String details = details();
        return details.isEmpty() ? sb.toString() : sb.append('\n').append(details).toString();
    }

    /**
     * The lines of {@link #summary()} after the counts: duplicates, rejections by reason, the kept problems
     * ({@code file:line: field 'x': reason}) and warnings; empty when there is nothing to say.
     */
    public String details() {
        StringBuilder sb = new StringBuilder();
        if (duplicateEvents > 0) {
            sb.append("Skipped ").append(count(duplicateEvents, "duplicate event")).append(".\n");
        }
        long rejected = rejectedRows();
        if (rejected > 0) {
            sb.append("Rejected ").append(count(rejected, "row")).append(" (");
            boolean first = true;
            for (Map.Entry<String, Long> e : rejectedByReason.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(e.getKey()).append(": ").append(String.format(Locale.ROOT, "%,d", e.getValue()));
            }
            sb.append(")\n");
        }
        for (Problem p : problems) {
            sb.append("  ").append(p).append('\n');
        }
        long shown = problems.stream().filter(p -> p.line() > 0).map(p -> p.source() + ':' + p.line()).distinct()
                .count();
        if (rejected > shown && shown > 0) {
            sb.append("  ... and ").append(count(rejected - shown, "more rejected row")).append('\n');
        }
        for (String w : warnings) {
            sb.append("Note: ").append(w).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
