// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.io.importer.text.LineReader;
import dev.tailor.io.importer.text.MalformedTextException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bookkeeping of one import run: rows read, records written, rejected rows against the error budget, the
 * first problems, progress. Every importer drives one; it turns I/O failures and exhausted budgets into
 * {@link ImportFailedException}s so that no importer needs its own error plumbing. Not thread-safe.
 */
final class ImportSession {
    /** Progress is reported every this many rows (a power of two: the check is a mask). */
    private static final int PROGRESS_EVERY = 4096;

    private final String source;
    private final ImportOptions options;
    private final ImportProgress progress;
    private final long startNanos = System.nanoTime();
    private final Map<String, Long> rejected = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private long rows;
    private long rejectedRows;
    private long items;
    private long customers;
    private long events;
    private long duplicates;
    private long bytesDone;
    /** The file being read, or null between files. */
    private LineReader reading;
    /** The file read last; kept after closing so that a read failure can say where it happened. */
    private LineReader last;

    ImportSession(String source, ImportOptions options, ImportProgress progress) {
        this.source = source;
        this.options = options;
        this.progress = progress;
    }

    /** What a session runs: reads files and writes records, throwing on fatal problems. */
    @FunctionalInterface
    interface Body {
        void run();
    }

    /**
     * Looks at the first non-blank line of a file: returns true when it is a header (not a row), false when it
     * is already data, and throws {@link ValidationException} when the header is unusable (fatal).
     */
    @FunctionalInterface
    interface HeaderHandler {
        boolean accept(String line);
    }

    /** What to do with one line of a file; throws {@link ValidationException} to reject the line. */
    @FunctionalInterface
    interface LineHandler {
        void accept(String line);
    }

    /**
     * Checks that every file exists, announces their total size, runs {@code body} and returns the report.
     * I/O errors become an {@link ImportFailedException}.
     */
    ImportReport run(List<Path> files, Body body) {
        long total = 0;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw fail("file not found", new Problem(name(f), 0, "", "no such file: " + f.toAbsolutePath()));
            }
            try {
                total += Files.size(f);
            } catch (IOException e) {
                throw fail("cannot read " + f, new Problem(name(f), 0, "", e.toString()));
            }
        }
        progress.begin(total);
        try {
            body.run();
        } catch (UncheckedIOException e) {
            String cause = e.getCause() == null ? e.getMessage() : e.getCause().toString();
            throw fail("cannot read the input", last == null ? new Problem("", 0, "", e.getMessage())
                    : new Problem(last.source(), last.lineNumber() + 1, "", "cannot read: " + cause));
        }
        progress.advance(bytesDone, rows);
        return report();
    }

    /**
     * Resolves the files a dataset folder must hold.
     *
     * @param what the dataset, for the message, e.g. "an ml-100k folder"
     * @throws ImportFailedException naming the folder, the missing files and all the expected ones
     */
    List<Path> requireFiles(Path dir, String what, List<String> names) {
        if (!Files.isDirectory(dir)) {
            throw fail("not a folder", new Problem(name(dir), 0, "", "expected " + what + " holding "
                    + String.join(", ", names) + "; " + dir.toAbsolutePath() + " is not a folder"));
        }
        List<Path> out = new ArrayList<>(names.size());
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            Path f = dir.resolve(n);
            out.add(f);
            if (!Files.isRegularFile(f)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw fail("missing files", new Problem(name(dir), 0, "", "missing " + String.join(", ", missing)
                    + " in " + dir.toAbsolutePath() + "; " + what + " holds " + String.join(", ", names)));
        }
        return out;
    }

    /** Opens a file for reading; its bytes count towards progress until {@link #done}. */
    LineReader open(Path file, Charset charset) {
        try {
            reading = LineReader.open(file, charset);
        } catch (ValidationException e) {
            throw fail("unsupported encoding", e.problems().get(0).at(name(file), 0));
        }
        last = reading;
        return reading;
    }

    /** Closes a file opened by {@link #open} and books its bytes as read. */
    void done(LineReader reader) {
        bytesDone += reader.bytesRead();
        reader.close();
        reading = null;
        progress.advance(bytesDone, rows);
    }

    /**
     * Feeds every non-blank line of {@code reader} to {@code handler} as one row; lines the reader cannot decode
     * and lines the handler rejects are booked against the error budget. Closes the reader.
     */
    void forEachLine(LineReader reader, LineHandler handler) {
        forEachLine(reader, line -> false, handler);
    }

    /** As {@link #forEachLine(LineReader, LineHandler)}, offering the first non-blank line as a header first. */
    void forEachLine(LineReader reader, HeaderHandler header, LineHandler handler) {
        boolean first = true;
        try {
            while (true) {
                try {
                    if (!reader.next()) {
                        break;
                    }
                } catch (MalformedTextException e) {
                    row();
                    reject(e, reader.source(), reader.lineNumber());
                    continue;
                }
                String line = reader.line();
                if (line.isBlank()) {
                    continue;
                }
                if (first) {
                    first = false;
                    try {
                        if (header.accept(line)) {
                            continue;
                        }
                    } catch (ValidationException e) {
                        throw fail("unusable header", e.problems().get(0).at(reader.source(), reader.lineNumber()));
                    }
                }
                row();
                try {
                    handler.accept(line);
                } catch (ValidationException e) {
                    reject(e, reader.source(), reader.lineNumber());
                }
            }
        } finally {
            done(reader);
        }
    }

    /** Counts one row read and reports progress now and then. */
    void row() {
        rows++;
        if ((rows & (PROGRESS_EVERY - 1)) == 0) {
            progress.advance(bytesDone + (reading == null ? 0 : reading.bytesRead()), rows);
        }
    }

    /**
     * Books a rejected row: its problems are placed at {@code file:line} (unless they carry a location
     * already) and counted under the first problem's field or text-problem kind.
     *
     * @throws ImportFailedException when this row exceeds {@link ImportOptions#maxErrors()}
     */
    void reject(ValidationException e, String file, long line) {
        rejectedRows++;
        rejected.merge(reason(e), 1L, Long::sum);
        for (Problem p : e.problems()) {
            if (problems.size() < options.maxProblems()) {
                problems.add(p.source().isEmpty() ? p.at(file, line) : p);
            }
        }
        if (rejectedRows > options.maxErrors()) {
            throw new ImportFailedException(options.maxErrors() == 0
                    ? "a row was rejected and no bad rows are allowed (maxErrors = 0)"
                    : "more than " + options.maxErrors() + " rows were rejected (maxErrors = "
                            + options.maxErrors() + ")", report());
        }
    }

    /** An exception for a problem that makes the whole input unusable; the caller throws it. */
    ImportFailedException fail(String reason, Problem problem) {
        problems.add(problem);
        return new ImportFailedException(reason, report());
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    void countItems(int n) {
        items += n;
    }

    void countCustomers(int n) {
        customers += n;
    }

    void countEvents(int added, int skipped) {
        events += added;
        duplicates += skipped;
    }

    long rows() {
        return rows;
    }

    ImportReport report() {
        return new ImportReport(source, rows, items, customers, events, duplicates, rejected, problems,
                List.copyOf(warnings), Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private static String reason(ValidationException e) {
        if (e instanceof MalformedTextException m) {
            return m.kind().label();
        }
        String field = e.problems().get(0).field();
        return field.isEmpty() ? "invalid row" : field;
    }

    static String name(Path file) {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }
}
