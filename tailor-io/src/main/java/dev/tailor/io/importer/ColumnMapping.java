// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.error.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renames a file's columns (or JSON keys) to Tailor's field names, for files that do not use them: e.g.
 * {@code user_id=customer}, {@code item_id=sku}, {@code attr.colour=Farbe}. Fields without an entry are read
 * from the column of their own name. CSV headers match case-insensitively; JSON keys match exactly.
 *
 * @param targetToSource field name to the column that holds it
 */
public record ColumnMapping(Map<String, String> targetToSource) {
    public ColumnMapping {
        Map<String, String> copy = new LinkedHashMap<>();
        targetToSource.forEach((target, source) -> {
            if (target == null || target.isBlank() || source == null || source.isBlank()) {
                throw ValidationException.of("mapping", "a mapping needs a field and a column, was '"
                        + target + "=" + source + "'");
            }
            copy.put(target.strip(), source.strip());
        });
        targetToSource = Collections.unmodifiableMap(copy);
    }

    /** No renaming: every field is read from the column of its own name. */
    public static ColumnMapping none() {
        return new ColumnMapping(Map.of());
    }

    /**
     * Parses {@code field=column} entries, as given on the command line.
     *
     * @throws ValidationException (field "mapping") for an entry without '=', an empty side, or a field
     *     mapped twice
     */
    public static ColumnMapping parse(List<String> entries) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw ValidationException.of("mapping", "expected field=column (e.g. item_id=sku), was '" + entry
                        + "'");
            }
            String target = entry.substring(0, eq).strip();
            if (m.put(target, entry.substring(eq + 1).strip()) != null) {
                throw ValidationException.of("mapping", "field '" + target + "' is mapped twice");
            }
        }
        return new ColumnMapping(m);
    }

    /**
     * Checks that every target is a field of {@code kind}.
     *
     * @throws ValidationException (field "mapping") naming the unknown target and listing the accepted fields
     */
    public ColumnMapping validateFor(RecordKind kind) {
        for (String target : targetToSource.keySet()) {
            if (!kind.accepts(target)) {
                throw ValidationException.of("mapping", "'" + target + "' is not a field of " + kind.label()
                        + "; expected one of " + kind.describeFields());
            }
        }
        return this;
    }

    /** The column that holds {@code field}: the mapped one, or the field's own name. */
    public String sourceOf(String field) {
        return targetToSource.getOrDefault(field, field);
    }
}
