// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer.text;

import dev.tailor.core.error.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 CSV record reader on top of a {@link LineReader}, streaming one record at a time.
 *
 * <p>Rules: fields are separated by the delimiter; a field that starts with {@code "} is quoted and may contain
 * delimiters, line breaks and doubled quotes ({@code ""} stands for one {@code "}); after a closing quote only a
 * delimiter or the end of the record may follow. Deliberately lenient where real exports differ from the RFC:
 * a quote inside an unquoted field is kept as a literal character ({@code 12" pizza}), the delimiter may be any
 * character (tab, semicolon), both LF and CRLF end records, and blank lines are skipped (so a trailing empty
 * line is harmless; the price is that a one-column file cannot hold an empty value, which {@link CsvWriter}
 * avoids by quoting it).
 *
 * <p>No dependency: the format is small, and owning the parser lets errors carry the record's starting line and
 * the offending column, which is what an importer needs to report. Not thread-safe.
 */
public final class CsvParser {
    private final LineReader lines;
    private final char delimiter;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder quoted = new StringBuilder();
    private long recordLine;

    public CsvParser(LineReader lines, char delimiter) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
        }
        this.lines = lines;
        this.delimiter = delimiter;
    }

    /**
     * Reads the next record.
     *
     * @return the record's fields (a new array), or an empty array at the end of the input
     * @throws MalformedTextException on broken quoting or encoding; the rest of the offending line is skipped
     *     and the next call continues with the following line
     */
    public String[] next() {
        do {
            if (!lines.next()) {
                return new String[0];
            }
        } while (lines.line().isEmpty());
        recordLine = lines.lineNumber();
        fields.clear();
        parse(lines.line());
        return fields.toArray(new String[0]);
    }

    /** 1-based line on which the last record started (a quoted field may continue it on later lines). */
    public long recordLine() {
        return recordLine;
    }

    /** Line of the input on which the last record ended. */
    public long lastLine() {
        return lines.lineNumber();
    }

    private void parse(String first) {
        String s = first;
        int i = 0;
        while (true) {
            if (i < s.length() && s.charAt(i) == '"') {
                quoted.setLength(0);
                i++;
                while (true) {
                    if (i == s.length()) {
                        String lineBreak = lines.endedWithCr() ? "\r\n" : "\n";
                        if (!lines.next()) {
                            throw new MalformedTextException(MalformedTextException.Kind.QUOTING,
                                    new Problem(lines.source(), recordLine, "", "quoted field " + (fields.size() + 1)
                                            + " opened on this line is never closed"), fields.size());
                        }
                        quoted.append(lineBreak);
                        s = lines.line();
                        i = 0;
                        continue;
                    }
                    char c = s.charAt(i);
                    if (c == '"') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                            quoted.append('"');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        int q = s.indexOf('"', i);
                        int end = q < 0 ? s.length() : q;
                        quoted.append(s, i, end);
                        i = end;
                    }
                }
                fields.add(quoted.toString());
                if (i == s.length()) {
                    return;
                }
                if (s.charAt(i) != delimiter) {
                    throw new MalformedTextException(MalformedTextException.Kind.QUOTING,
                            new Problem(lines.source(), lines.lineNumber(), "", "unexpected '" + s.charAt(i)
                                    + "' after the closing quote of field " + fields.size()
                                    + "; a quote inside a quoted field must be doubled (\"\")"),
                            fields.size() - 1);
                }
                i++;
            } else {
                int d = s.indexOf(delimiter, i);
                if (d < 0) {
                    fields.add(s.substring(i));
                    return;
                }
                fields.add(s.substring(i, d));
                i = d + 1;
            }
        }
    }
}
