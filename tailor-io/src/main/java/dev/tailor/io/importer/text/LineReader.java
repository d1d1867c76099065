// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer.text;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads text line by line, streaming, with exact 1-based line numbers and strict decoding.
 *
 * <p>Why not {@link java.io.BufferedReader}: a reader decodes 8 KB ahead, so a malformed byte surfaces as an
 * exception that cannot say which line it was on, and the default {@code InputStreamReader} silently replaces
 * it with U+FFFD instead. Here bytes are split at {@code '\n'} first and each line is decoded on its own, so an
 * encoding error names its line and column, rejects only that line, and reading goes on. Splitting bytes is
 * sound because only ASCII-compatible charsets are accepted (UTF-8, ISO-8859-1, windows-1252, GBK, ...): in all
 * of them the byte 0x0A is never part of a multi-byte character.
 *
 * <p>Lines end at LF or CRLF (the CR is dropped and remembered in {@link #endedWithCr()} so a CSV parser can
 * rebuild a quoted CRLF exactly). A UTF-8 byte-order mark at the start is skipped. Gzip input is recognised by
 * its magic bytes and decompressed transparently; {@link #bytesRead()} counts the compressed bytes so that it
 * can be compared with the file size for progress. Not thread-safe.
 */
public final class LineReader implements Closeable {
    /** Longer lines are rejected (and skipped) rather than buffered: such a "line" is binary data. */
    public static final int MAX_LINE_BYTES = 16 << 20;
    private static final int BUFFER_BYTES = 1 << 16;

    private final String source;
    private final CountingInputStream counted;
    private final InputStream in;
    private final Charset charset;
    private final boolean latin1;
    private final CharsetDecoder decoder;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    private byte[] carry = new byte[256];
    private int carryLen;
    private long lineNumber;
    private String line = "";
    private boolean endedWithCr;
    private boolean eof;

    private LineReader(String source, InputStream raw, Charset charset) throws IOException {
        requireAsciiCompatible(charset);
        this.source = source;
        this.charset = charset;
        this.counted = new CountingInputStream(raw);
        BufferedInputStream buffered = new BufferedInputStream(counted, BUFFER_BYTES);
        this.in = isGzip(buffered) ? new GZIPInputStream(buffered, BUFFER_BYTES) : buffered;
        this.latin1 = charset.equals(StandardCharsets.ISO_8859_1);
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Opens a file; problems name it by its file name.
     *
     * @throws UncheckedIOException when the file cannot be opened
     * @throws ValidationException (field "encoding") when the charset is not ASCII-compatible
     */
    public static LineReader open(Path file, Charset charset) {
        Path name = file.getFileName();
        InputStream raw = null;
        try {
            raw = Files.newInputStream(file);
            return new LineReader(name == null ? file.toString() : name.toString(), raw, charset);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new UncheckedIOException(file + ": " + describe(e), e);
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    /** Reads from a stream (an upload, a resource); {@code source} names it in problems. */
    public static LineReader of(String source, InputStream raw, Charset charset) {
        try {
            return new LineReader(source, raw, charset);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + describe(e), e);
        }
    }

    /**
     * Advances to the next line.
     *
     * @return false at the end of the input (a final line without a terminator is still returned)
     * @throws MalformedTextException when the line cannot be decoded or is too long; the line is consumed, so
     *     the caller may record the problem and call {@code next()} again
     * @throws UncheckedIOException when reading fails (I/O error, truncated gzip)
     */
    public boolean next() {
        if (eof) {
            return false;
        }
        carryLen = 0;
        boolean carried = false;
        while (true) {
            if (pos == limit && !fill()) {
                eof = true;
                return carried && finishLine(carry, 0, carryLen);
            }
            int nl = indexOfNewline();
            if (nl >= 0) {
                int start = pos;
                pos = nl + 1;
                if (!carried) {
                    return finishLine(buf, start, nl - start);
                }
                appendCarry(start, nl - start);
                return finishLine(carry, 0, carryLen);
            }
            appendCarry(pos, limit - pos);
            carried = true;
            pos = limit;
        }
    }

    /** The current line without its terminator. */
    public String line() {
        return line;
    }

    /** 1-based number of the current line; 0 before the first {@link #next()}. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Whether the current line ended with CRLF rather than LF. */
    public boolean endedWithCr() {
        return endedWithCr;
    }

    /** Bytes consumed from the underlying file or stream so far (compressed bytes for gzip). */
    public long bytesRead() {
        return counted.count;
    }

    /** The name used in problems, e.g. "u.data". */
    public String source() {
        return source;
    }

    public Charset charset() {
        return charset;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + describe(e), e);
        }
    }

    private int indexOfNewline() {
        for (int i = pos; i < limit; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() {
        try {
            pos = 0;
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            limit = Math.max(n, 0);
            return n > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(source + ":" + (lineNumber + 1) + ": cannot read: " + describe(e), e);
        }
    }

    private void appendCarry(int from, int len) {
        if ((long) carryLen + len > MAX_LINE_BYTES) {
            skipRestOfLine();
            lineNumber++;
            throw new MalformedTextException(MalformedTextException.Kind.LINE_TOO_LONG,
                    new Problem(source, lineNumber, "", "line longer than " + (MAX_LINE_BYTES >> 20)
                            + " MiB; is this a text file in the expected format?"));
        }
        if (carryLen + len > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carryLen + len));
        }
        System.arraycopy(buf, from, carry, carryLen, len);
        carryLen += len;
    }

    private void skipRestOfLine() {
        carryLen = 0;
        while (pos < limit || fill()) {
            int nl = indexOfNewline();
            if (nl >= 0) {
                pos = nl + 1;
                return;
            }
            pos = limit;
        }
        eof = true;
    }

    private boolean finishLine(byte[] b, int off, int len) {
        lineNumber++;
        endedWithCr = len > 0 && b[off + len - 1] == '\r';
        if (endedWithCr) {
            len--;
        }
        if (lineNumber == 1 && len >= 3 && b[off] == (byte) 0xEF && b[off + 1] == (byte) 0xBB
                && b[off + 2] == (byte) 0xBF && charset.equals(StandardCharsets.UTF_8)) {
            off += 3;
            len -= 3;
        }
        line = decode(b, off, len);
        return true;
    }

    private String decode(byte[] b, int off, int len) {
        if (latin1) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] < 0) {
                return decodeStrict(b, off, len);
            }
        }
        // Pure ASCII reads the same in every accepted charset, and Latin-1 is the JDK's cheapest decoder.
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    private String decodeStrict(byte[] b, int off, int len) {
        decoder.reset();
        ByteBuffer input = ByteBuffer.wrap(b, off, len);
        CharBuffer out = CharBuffer.allocate(len + 1);
        while (true) {
            CoderResult r = decoder.decode(input, out, true);
            if (r.isOverflow()) {
                out = grow(out);
                continue;
            }
            if (r.isError()) {
                int at = input.position() - off;
                throw new MalformedTextException(MalformedTextException.Kind.ENCODING, new Problem(source,
                        lineNumber, "", String.format("not valid %s: byte 0x%02X at byte %d of the line%s",
                                charset.name(), b[input.position()] & 0xFF, at + 1, encodingHint())));
            }
            break;
        }
        while (decoder.flush(out).isOverflow()) {
            out = grow(out);
        }
        out.flip();
        return out.toString();
    }

    private String encodingHint() {
        return charset.equals(StandardCharsets.UTF_8)
                ? "; if the file is Latin-1 or Windows-1252, import it with that encoding (e.g. ISO-8859-1)"
                : "";
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
        out.flip();
        return bigger.put(out);
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1F && b2 == 0x8B;
    }

    private static void requireAsciiCompatible(Charset charset) {
        String probe = "\n\r\t ,;:|\"'09AZaz";
        byte[] encoded = charset.canEncode() ? probe.getBytes(charset) : new byte[0];
        if (!Arrays.equals(encoded, probe.getBytes(StandardCharsets.US_ASCII))) {
            throw ValidationException.of("encoding", charset.name() + " is not supported: line-based import "
                    + "needs an ASCII-compatible encoding such as UTF-8, ISO-8859-1, windows-1252 or GBK");
        }
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return m == null || m.isBlank() ? kind : kind + " (" + m + ")";
    }

    private static void closeQuietly(InputStream s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException suppressed) {
                // The open failure is what the caller needs to see.
            }
        }
    }

    /** Counts raw bytes so progress can be measured against the file size even when gzip sits on top. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
