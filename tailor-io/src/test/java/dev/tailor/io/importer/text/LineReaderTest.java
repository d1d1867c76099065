// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {
    @TempDir
    Path tmp;

    private static LineReader reader(byte[] bytes, Charset cs) {
        return LineReader.of("t.txt", new ByteArrayInputStream(bytes), cs);
    }

    private static List<String> lines(LineReader r) {
        List<String> out = new ArrayList<>();
        while (r.next()) {
            out.add(r.line());
        }
        return out;
    }

    @Test
    void splitsLfAndCrlfAndKeepsAFinalUnterminatedLine() {
        LineReader r = reader("a\r\nb\n\nc".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(r.next()).isTrue();
        assertThat(r.line()).isEqualTo("a");
        assertThat(r.endedWithCr()).isTrue();
        assertThat(lines(r)).containsExactly("b", "", "c");
        assertThat(r.lineNumber()).isEqualTo(4);
        assertThat(r.next()).isFalse();
    }

    @Test
    void linesLongerThanTheBufferAreJoined() {
        String longLine = "x".repeat(200_000) + "é";
        LineReader r = reader((longLine + "\nshort\n").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(lines(r)).containsExactly(longLine, "short");
        assertThat(r.bytesRead()).isEqualTo(longLine.getBytes(StandardCharsets.UTF_8).length + 7);
    }

    @Test
    void malformedUtf8RejectsOnlyItsLineWithItsPosition() {
        byte[] bytes = {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n', 'n', 'e', 'x', 't', '\n'};
        LineReader r = reader(bytes, StandardCharsets.UTF_8);
        assertThat(r.next()).isTrue();
        assertThatThrownBy(r::next).isInstanceOfSatisfying(MalformedTextException.class, e -> {
            assertThat(e.kind()).isEqualTo(MalformedTextException.Kind.ENCODING);
            assertThat(e.problem().toString()).isEqualTo("t.txt:2: not valid UTF-8: byte 0xE9 at byte 4 of the line;"
                    + " if the file is Latin-1 or Windows-1252, import it with that encoding (e.g. ISO-8859-1)");
        });
        assertThat(r.next()).isTrue();
        assertThat(r.line()).isEqualTo("next");
        assertThat(r.lineNumber()).isEqualTo(3);

        assertThat(lines(reader(bytes, StandardCharsets.ISO_8859_1))).containsExactly("ok", "café", "next");
    }

    @Test
    void skipsAUtf8ByteOrderMark() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'd', '\n'};
        assertThat(lines(reader(bytes, StandardCharsets.UTF_8))).containsExactly("id");
    }

    @Test
    void readsGzipTransparentlyAndCountsCompressedBytes() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            for (int i = 0; i < 1000; i++) {
                gz.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path file = Files.write(tmp.resolve("x.txt.gz"), buf.toByteArray());
        try (LineReader r = LineReader.open(file, StandardCharsets.UTF_8)) {
            List<String> all = lines(r);
            assertThat(all).hasSize(1000).endsWith("line 999");
            assertThat(r.bytesRead()).isEqualTo(Files.size(file));
            assertThat(r.source()).isEqualTo("x.txt.gz");
        }
    }

    @Test
    void aTruncatedGzipIsAnIoErrorNotGarbage() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write("line\n".repeat(10_000).getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = buf.toByteArray();
        LineReader r = reader(Arrays.copyOf(whole, whole.length / 2), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> lines(r)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("t.txt:");
    }

    @Test
    void refusesEncodingsThatAreNotAsciiCompatible() {
        assertThatThrownBy(() -> reader(new byte[0], StandardCharsets.UTF_16))
                .isInstanceOf(ValidationException.class).hasMessageContaining("UTF-16 is not supported");
    }
}
