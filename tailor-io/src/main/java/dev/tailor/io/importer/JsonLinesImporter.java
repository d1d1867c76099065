// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.core.error.Problem;
import dev.tailor.core.store.StoreWriter;
import dev.tailor.io.importer.text.MalformedTextException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Imports items, customers or events from JSON Lines: one JSON object per line, keys named as the CSV columns
 * (see {@link RecordKind} and docs/import-formats.md). Lists may be arrays, {@code attributes} an object; blank
 * lines are skipped; duplicate keys in an object reject the line. Keys no field reads are listed as a warning.
 *
 * @param kind what each line is
 * @param mapping key renames, checked against {@code kind}
 * @param charset the file's encoding (ASCII-compatible; JSON is UTF-8 by RFC 8259)
 */
public record JsonLinesImporter(RecordKind kind, ColumnMapping mapping, Charset charset) implements Importer {
    /** How many unknown keys a warning names before it stops listing. */
    private static final int MAX_UNKNOWN_KEYS = 20;

    public JsonLinesImporter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(charset, "charset");
        mapping = mapping.validateFor(kind);
    }

    public static JsonLinesImporter of(RecordKind kind) {
        return new JsonLinesImporter(kind, ColumnMapping.none(), StandardCharsets.UTF_8);
    }

    public JsonLinesImporter withMapping(ColumnMapping value) {
        return new JsonLinesImporter(kind, value, charset);
    }

    public JsonLinesImporter withCharset(Charset value) {
        return new JsonLinesImporter(kind, mapping, value);
    }

    @Override
    public ImportReport importInto(Path file, StoreWriter writer, ImportOptions options, ImportProgress progress) {
        ImportSession session = new ImportSession(file.toString(), options, progress);
        RecordSink sink = new RecordSink(writer, options, session);
        JsonRow row = new JsonRow(kind, mapping);
        Set<String> unknown = new LinkedHashSet<>();
        return session.run(List.of(file), () -> {
            session.forEachLine(session.open(file, charset), line -> {
                JsonNode node = Json.parse(line);
                if (!node.isObject()) {
                    throw new MalformedTextException(MalformedTextException.Kind.JSON, Problem.of("",
                            "expected one JSON object per line, found "
                                    + node.getNodeType().toString().toLowerCase(Locale.ROOT)));
                }
                row.setNode(node);
                if (unknown.size() < MAX_UNKNOWN_KEYS) {
                    row.collectUnknownKeys(unknown);
                }
                switch (kind) {
                    case ITEMS -> sink.item(RecordMapper.item(row));
                    case CUSTOMERS -> sink.customer(RecordMapper.customer(row));
                    case EVENTS -> sink.event(RecordMapper.event(row));
                    default -> throw new IllegalStateException("unhandled kind " + kind);
                }
            });
            sink.flush();
            if (!unknown.isEmpty()) {
                session.warn("ignored keys " + String.join(", ", unknown) + " (not fields of " + kind.label()
                        + ": " + kind.describeFields() + ")");
            }
        });
    }
}
