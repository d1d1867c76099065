// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for tests, written independently of {@link Rows} so that round trips check the
 * writer against the format rather than against itself.
 */
final class Csv {
    private Csv() {
    }

    /** Records of a whole document; each record ends with '\n'. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(q);
                    i++;
                }
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
            i++;
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            throw new IllegalArgumentException("last record is not terminated by a newline");
        }
        return records;
    }
}
