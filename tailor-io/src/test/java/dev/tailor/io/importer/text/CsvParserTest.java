// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CsvParserTest {
    private static CsvParser parser(String text, char delimiter) {
        return new CsvParser(LineReader.of("t.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8), delimiter);
    }

    private static List<List<String>> parseAll(String text, char delimiter) {
        CsvParser p = parser(text, delimiter);
        List<List<String>> out = new ArrayList<>();
        for (String[] r = p.next(); r.length > 0; r = p.next()) {
            out.add(List.of(r));
        }
        return out;
    }

    @Test
    void handlesTheRfc4180Cases() {
        assertThat(parseAll("a,b,c\n", ',')).containsExactly(List.of("a", "b", "c"));
        assertThat(parseAll("a,,c", ',')).as("no final newline, empty middle").containsExactly(List.of("a", "", "c"));
        assertThat(parseAll("a,b,\n", ',')).containsExactly(List.of("a", "b", ""));
        assertThat(parseAll("\"x,y\",\"say \"\"hi\"\"\"\n", ',')).containsExactly(List.of("x,y", "say \"hi\""));
        assertThat(parseAll("\"line1\r\nline2\",z\r\n", ',')).containsExactly(List.of("line1\r\nline2", "z"));
        assertThat(parseAll("\"\"\n", ',')).containsExactly(List.of(""));
        assertThat(parseAll("a\tb c\n", '\t')).containsExactly(List.of("a", "b c"));
    }

    @Test
    void isLenientWhereRealFilesDifferFromTheRfc() {
        assertThat(parseAll("12\" pizza,x\n", ',')).as("quote inside an unquoted field")
                .containsExactly(List.of("12\" pizza", "x"));
        assertThat(parseAll("a\n\n\nb\n", ',')).as("blank lines skipped").containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void recordLineIsWhereTheRecordStarted() {
        CsvParser p = parser("h\n\"multi\nline\"\nnext\n", ',');
        p.next();
        assertThat(p.next()).containsExactly("multi\nline");
        assertThat(p.recordLine()).isEqualTo(2);
        assertThat(p.lastLine()).isEqualTo(3);
        p.next();
        assertThat(p.recordLine()).isEqualTo(4);
    }

    @Test
    void textAfterAClosingQuoteIsAnErrorNamingTheColumnAndParsingGoesOn() {
        CsvParser p = parser("a,\"b\"x,c\nd,e\n", ',');
        assertThatThrownBy(p::next).isInstanceOfSatisfying(MalformedTextException.class, e -> {
            assertThat(e.kind()).isEqualTo(MalformedTextException.Kind.QUOTING);
            assertThat(e.column()).isEqualTo(1);
            assertThat(e.problem().line()).isEqualTo(1);
            assertThat(e.problem().reason()).contains("unexpected 'x' after the closing quote of field 2");
        });
        assertThat(p.next()).containsExactly("d", "e");
    }

    @Test
    void anUnclosedQuoteIsAnErrorAtItsOpeningLine() {
        CsvParser p = parser("a\n\"open,\nmore\nlines\n", ',');
        p.next();
        assertThatThrownBy(p::next).isInstanceOfSatisfying(MalformedTextException.class,
                e -> assertThat(e.problem().line()).isEqualTo(2));
        assertThat(p.next()).isEmpty();
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> field = Arbitraries.strings()
                .withChars(',', ';', '"', '\n', '\r', ' ', '\t', 'a', 'b', 'Z', '0', 'é', '中', '\u0000')
                .withCharRange('!', '~')
                .ofMaxLength(12);
        return field.list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(0).ofMaxSize(8);
    }

    @Property(tries = 500)
    void writerOutputParsesBackToTheSameFields(@ForAll("tables") List<List<String>> table,
            @ForAll boolean crlf, @ForAll boolean semicolon) {
        char delimiter = semicolon ? ';' : ',';
        StringBuilder text = new StringBuilder();
        for (List<String> record : table) {
            CsvWriter.appendRecord(text, record, delimiter);
            text.append(crlf ? "\r\n" : "\n");
        }
        assertThat(parseAll(text.toString(), delimiter)).isEqualTo(table);
    }
}
