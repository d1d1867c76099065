// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.StoreWriter;
import dev.tailor.io.importer.text.CsvParser;
import dev.tailor.io.importer.text.LineReader;
import dev.tailor.io.importer.text.MalformedTextException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Imports a shop's own items, customers or events from a CSV file (RFC 4180, header row required, UTF-8 by
 * default, gzip accepted). Columns are found by name (see {@link RecordKind} and docs/import-formats.md);
 * columns no field reads are ignored and listed as a warning in the report.
 *
 * @param kind what each row is
 * @param mapping column renames, checked against {@code kind}
 * @param charset the file's encoding (ASCII-compatible)
 * @param delimiter ',' for CSV; '\t' or ';' for variants
 */
public record CsvImporter(RecordKind kind, ColumnMapping mapping, Charset charset, char delimiter)
        implements Importer {

    public CsvImporter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(charset, "charset");
        mapping = mapping.validateFor(kind);
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw ValidationException.of("delimiter", "cannot be a quote or a line break");
        }
    }

    /** Comma-separated UTF-8 with Tailor's column names. */
    public static CsvImporter of(RecordKind kind) {
        return new CsvImporter(kind, ColumnMapping.none(), StandardCharsets.UTF_8, ',');
    }

    public CsvImporter withMapping(ColumnMapping value) {
        return new CsvImporter(kind, value, charset, delimiter);
    }

    public CsvImporter withCharset(Charset value) {
        return new CsvImporter(kind, mapping, value, delimiter);
    }

    public CsvImporter withDelimiter(char value) {
        return new CsvImporter(kind, mapping, charset, value);
    }

    @Override
    public ImportReport importInto(Path file, StoreWriter writer, ImportOptions options, ImportProgress progress) {
        ImportSession session = new ImportSession(file.toString(), options, progress);
        RecordSink sink = new RecordSink(writer, options, session);
        return session.run(List.of(file), () -> {
            LineReader lines = session.open(file, charset);
            try {
                CsvParser csv = new CsvParser(lines, delimiter);
                CsvColumns columns = header(csv, lines, session);
                if (!columns.ignored().isEmpty()) {
                    session.warn("ignored columns " + String.join(", ", columns.ignored()) + " (not fields of "
                            + kind.label() + ": " + kind.describeFields() + ")");
                }
                readRecords(csv, lines, columns, sink, session);
            } finally {
                session.done(lines);
            }
            sink.flush();
        });
    }

    private CsvColumns header(CsvParser csv, LineReader lines, ImportSession session) {
        String[] header;
        try {
            header = csv.next();
        } catch (MalformedTextException e) {
            throw session.fail("unreadable header", e.problem());
        }
        if (header.length == 0) {
            throw session.fail("empty file", new Problem(lines.source(), 0, "", "the file is empty; expected a "
                    + "header row naming the columns, e.g. " + String.join(",", kind.requiredFields())));
        }
        try {
            return CsvColumns.resolve(header, kind, mapping);
        } catch (ValidationException e) {
            Problem p = e.problems().get(0);
            throw session.fail("unusable header", p.at(lines.source(), csv.recordLine()));
        }
    }

    private void readRecords(CsvParser csv, LineReader lines, CsvColumns columns, RecordSink sink,
            ImportSession session) {
        while (true) {
            String[] record;
            try {
                record = csv.next();
            } catch (MalformedTextException e) {
                session.row();
                Problem p = e.problem();
                session.reject(new MalformedTextException(e.kind(), new Problem(p.source(), p.line(),
                        columns.columnName(e.column()), p.reason()), e.column()), lines.source(), p.line());
                continue;
            }
            if (record.length == 0) {
                return;
            }
            session.row();
            try {
                if (record.length != columns.width()) {
                    throw Values.fieldCount(columns.width(), record.length, "'" + delimiter + "'",
                            "as in the header: " + columns.headerText());
                }
                columns.setValues(record);
                switch (kind) {
                    case ITEMS -> sink.item(RecordMapper.item(columns));
                    case CUSTOMERS -> sink.customer(RecordMapper.customer(columns));
                    case EVENTS -> sink.event(RecordMapper.event(columns));
                    default -> throw new IllegalStateException("unhandled kind " + kind);
                }
            } catch (ValidationException e) {
                session.reject(e, lines.source(), csv.recordLine());
            }
        }
    }
}
