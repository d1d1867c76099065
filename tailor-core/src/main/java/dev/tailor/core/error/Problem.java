// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.error;

import java.util.Objects;

/**
 * One thing wrong with an input, located precisely enough that a person can fix it.
 *
 * @param source file name, endpoint or config key the input came from ("" when not applicable)
 * @param line 1-based line or record number within the source; 0 when not applicable
 * @param field the offending field or parameter ("" when the whole record is wrong)
 * @param reason what was found and what was expected
 */
public record Problem(String source, long line, String field, String reason) {
    public Problem {
        source = Objects.requireNonNullElse(source, "");
        field = Objects.requireNonNullElse(field, "");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, was " + line);
        }
    }

    public static Problem of(String field, String reason) {
        return new Problem("", 0, field, reason);
    }

    /** Same problem, placed at a source and line. */
    public Problem at(String newSource, long newLine) {
        return new Problem(newSource, newLine, field, reason);
    }

    /** {@code file:line: field 'x': reason}, the form compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (!source.isEmpty()) {
            sb.append(source);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        } else if (line > 0) {
            sb.append("line ").append(line).append(": ");
        }
        if (!field.isEmpty()) {
            sb.append("field '").append(field).append("': ");
        }
        return sb.append(reason).toString();
    }
}
