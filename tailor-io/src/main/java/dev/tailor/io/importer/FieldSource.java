// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import java.util.List;
import java.util.Map;

/**
 * One row of a generic file seen through Tailor's field names, so that {@link RecordMapper} builds records the
 * same way from a CSV record and from a JSON object. Absent and blank values read as "" and empty collections.
 */
interface FieldSource {
    /** The stripped text of {@code field}; "" when absent, null or blank. */
    String text(String field);

    /**
     * {@code field} as a list: a JSON array's elements, or the text split at {@code separator} (a regular
     * expression); blank parts dropped.
     */
    List<String> list(String field, String separator);

    /**
     * The string-valued entries of {@code prefix.<name>} columns (keys without the prefix), merged over the
     * {@code objectField} JSON object when one is given.
     */
    Map<String, String> prefixed(String prefix, String objectField);

    /** The column or key that holds {@code field} in this file, to name it in problems. */
    String column(String field);
}
