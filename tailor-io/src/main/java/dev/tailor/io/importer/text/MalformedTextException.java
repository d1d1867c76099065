// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer.text;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;

/**
 * A line or record that cannot be read as text of the expected shape (bad encoding, broken quoting, wrong
 * number of fields), as opposed to a well-formed row whose values are invalid. Importers count these per
 * {@link Kind} so that a report says "312 rows with bad encoding" rather than listing 312 messages.
 */
public final class MalformedTextException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the text; {@link #label()} is the key used in import reports. */
    public enum Kind {
        ENCODING("encoding"),
        LINE_TOO_LONG("line length"),
        QUOTING("csv quoting"),
        FIELD_COUNT("field count"),
        JSON("json syntax");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Kind kind;
    private final int column;

    /**
     * @param column 0-based index of the offending field within its record, or -1 when the whole line is at
     *     fault; CSV importers use it to name the header column
     */
    public MalformedTextException(Kind kind, Problem problem, int column) {
        super(problem);
        this.kind = kind;
        this.column = column;
    }

    public MalformedTextException(Kind kind, Problem problem) {
        this(kind, problem, -1);
    }

    public Kind kind() {
        return kind;
    }

    public int column() {
        return column;
    }

    public Problem problem() {
        return problems().get(0);
    }
}
