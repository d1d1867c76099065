// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV header resolved against a {@link RecordKind} and {@link ColumnMapping}: which column holds which field.
 * Then, record by record, the {@link FieldSource} view of the current values. Header names match
 * case-insensitively and must be unique. Not thread-safe (holds the current record).
 */
final class CsvColumns implements FieldSource {
    private final String[] header;
    private final Map<String, Integer> fieldIndex;
    private final Map<String, List<Prefixed>> prefixed;
    private final List<String> ignored;
    private String[] values = new String[0];

    private record Prefixed(String suffix, int index) {
    }

    private CsvColumns(String[] header, Map<String, Integer> fieldIndex, Map<String, List<Prefixed>> prefixed,
            List<String> ignored) {
        this.header = header;
        this.fieldIndex = fieldIndex;
        this.prefixed = prefixed;
        this.ignored = ignored;
    }

    /**
     * Resolves a header.
     *
     * @throws ValidationException for a duplicate column, a mapped column that is not in the header, or missing
     *     required fields; the problem lists the header found, so that a person sees what the file really has
     */
    static CsvColumns resolve(String[] rawHeader, RecordKind kind, ColumnMapping mapping) {
        String[] header = new String[rawHeader.length];
        Map<String, Integer> byName = new HashMap<>();
        for (int c = 0; c < rawHeader.length; c++) {
            header[c] = rawHeader[c].strip();
            if (header[c].isEmpty()) {
                continue;
            }
            Integer before = byName.put(key(header[c]), c);
            if (before != null) {
                throw headerProblem(header[c], "duplicate column name '" + header[c] + "' (columns " + (before + 1)
                        + " and " + (c + 1) + "); every column needs a unique name", header);
            }
        }
        for (Map.Entry<String, String> m : mapping.targetToSource().entrySet()) {
            if (!byName.containsKey(key(m.getValue()))) {
                throw headerProblem(m.getValue(), "column '" + m.getValue() + "' (mapped to " + m.getKey()
                        + ") is not in the header", header);
            }
        }
        boolean[] used = new boolean[header.length];
        Map<String, Integer> fieldIndex = new HashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> fields = new ArrayList<>(kind.requiredFields());
        fields.addAll(kind.optionalFields());
        for (String field : fields) {
            Integer c = byName.get(key(mapping.sourceOf(field)));
            if (c != null) {
                fieldIndex.put(field, c);
                used[c] = true;
            } else if (kind.requiredFields().contains(field)) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            String first = missing.get(0);
            throw headerProblem(first, "missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " for " + kind.label() + " (or map one: " + first
                    + "=<column>)", header);
        }
        Map<String, List<Prefixed>> prefixed = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            if (used[c]) {
                continue;
            }
            String name = header[c];
            int column = c;
            kind.prefixOf(key(name)).ifPresent(prefix -> {
                prefixed.computeIfAbsent(prefix, p -> new ArrayList<>())
                        .add(new Prefixed(name.substring(prefix.length()), column));
                used[column] = true;
            });
        }
        for (Map.Entry<String, String> m : mapping.targetToSource().entrySet()) {
            kind.prefixOf(m.getKey()).ifPresent(prefix -> {
                int c = byName.get(key(m.getValue()));
                prefixed.computeIfAbsent(prefix, p -> new ArrayList<>())
                        .add(new Prefixed(m.getKey().substring(prefix.length()), c));
                used[c] = true;
            });
        }
        List<String> ignored = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (!used[c]) {
                ignored.add(header[c].isEmpty() ? "(unnamed column " + (c + 1) + ")" : header[c]);
            }
        }
        return new CsvColumns(header, fieldIndex, prefixed, ignored);
    }

    private static ValidationException headerProblem(String field, String reason, String[] header) {
        return new ValidationException(new Problem("", 1, field, reason + "; header found: "
                + String.join(", ", header)));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    int width() {
        return header.length;
    }

    /** Header columns no field reads (worth a warning: often a typo in a column name). */
    List<String> ignored() {
        return ignored;
    }

    /** The header name of column {@code index}, for problems raised by the parser. */
    String columnName(int index) {
        return index >= 0 && index < header.length ? header[index] : "";
    }

    String headerText() {
        return String.join(",", header);
    }

    void setValues(String[] record) {
        values = record;
    }

    @Override
    public String text(String field) {
        Integer c = fieldIndex.get(field);
        return c == null ? "" : values[c].strip();
    }

    @Override
    public List<String> list(String field, String separator) {
        String t = text(field);
        if (t.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : t.split(separator)) {
            String p = part.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public Map<String, String> prefixed(String prefix, String objectField) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!objectField.isEmpty()) {
            String json = text(objectField);
            if (!json.isEmpty()) {
                out.putAll(Json.objectText(objectField, json));
            }
        }
        for (Prefixed p : prefixed.getOrDefault(prefix, List.of())) {
            String v = values[p.index()].strip();
            if (!v.isEmpty()) {
                out.put(p.suffix(), v);
            }
        }
        return out;
    }

    @Override
    public String column(String field) {
        Integer c = fieldIndex.get(field);
        return c == null ? field : header[c];
    }

    @Override
    public String toString() {
        return "CsvColumns" + Arrays.toString(header);
    }
}
