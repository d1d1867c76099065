// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal streaming JSON writer into a growable byte array. The recommendation path writes every response
 * with it: no object tree, no reflection, and pre-rendered fragments (an item's fixed fields) are copied in as
 * bytes. Commas are the caller's business through {@link #comma()}-free helpers: {@link #beginObject},
 * {@link #name} and the value methods insert separators themselves. Not thread-safe; reusable after
 * {@link #reset()}.
 */
public final class JsonWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_DEPTH = 64;

    private byte[] buf;
    private int len;
    private char[] chars = new char[256];
    // A memo of the last string written by value(String): lists repeat the same reason for many items.
    private String lastString;
    private int lastStart;
    private int lastLength;
    // needsComma[d]: whether the container at depth d already holds a value.
    private final boolean[] needsComma = new boolean[MAX_DEPTH];
    private int depth;
    private boolean afterName;

    public JsonWriter() {
        this(1024);
    }

    public JsonWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public JsonWriter reset() {
        len = 0;
        lastString = null;
        depth = 0;
        afterName = false;
        needsComma[0] = false;
        return this;
    }

    public int length() {
        return len;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    public JsonWriter beginObject() {
        beforeValue();
        put((byte) '{');
        push();
        return this;
    }

    public JsonWriter endObject() {
        depth--;
        put((byte) '}');
        return this;
    }

    public JsonWriter beginArray() {
        beforeValue();
        put((byte) '[');
        push();
        return this;
    }

    public JsonWriter endArray() {
        depth--;
        put((byte) ']');
        return this;
    }

    /** Writes a member name; the next call writes its value. */
    public JsonWriter name(String name) {
        if (needsComma[depth]) {
            put((byte) ',');
        }
        needsComma[depth] = true;
        quoted(name);
        put((byte) ':');
        afterName = true;
        return this;
    }

    /** A member name encoded once ({@code "name":}), for names written on every request. */
    public static byte[] key(String name) {
        JsonWriter w = new JsonWriter(32);
        w.quoted(name);
        w.put((byte) ':');
        return w.toByteArray();
    }

    /** Writes a member name encoded by {@link #key}. */
    public JsonWriter name(byte[] key) {
        if (needsComma[depth]) {
            put((byte) ',');
        }
        needsComma[depth] = true;
        put(key);
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        beforeValue();
        if (s == null) {
            put(NULL);
        } else if (s == lastString) {
            // Same instance as the previous string value: copy its encoding instead of encoding again.
            ensure(lastLength);
            System.arraycopy(buf, lastStart, buf, len, lastLength);
            len += lastLength;
        } else {
            int start = len;
            quoted(s);
            lastString = s;
            lastStart = start;
            lastLength = len - start;
        }
        return this;
    }

    public JsonWriter value(long v) {
        beforeValue();
        ascii(Long.toString(v));
        return this;
    }

    public JsonWriter value(boolean v) {
        beforeValue();
        put(v ? TRUE : FALSE);
        return this;
    }

    /** Writes a finite double in its shortest round-tripping form; NaN and infinities become null. */
    public JsonWriter value(double v) {
        beforeValue();
        if (!Double.isFinite(v)) {
            put(NULL);
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            ascii(Long.toString((long) v));
        } else {
            ascii(Double.toString(v));
        }
        return this;
    }

    /** A score rounded to 4 decimals: enough to order and compare, short on the wire. */
    public JsonWriter score(float v) {
        beforeValue();
        if (!Float.isFinite(v)) {
            put(NULL);
            return this;
        }
        long scaled = Math.round(v * 10_000.0);
        if (scaled < 0) {
            put((byte) '-');
            scaled = -scaled;
        }
        long whole = scaled / 10_000;
        int frac = (int) (scaled % 10_000);
        ascii(Long.toString(whole));
        if (frac != 0) {
            put((byte) '.');
            int digits = 4;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            String f = Integer.toString(frac);
            for (int i = f.length(); i < digits; i++) {
                put((byte) '0');
            }
            ascii(f);
        }
        return this;
    }

    public JsonWriter nullValue() {
        beforeValue();
        put(NULL);
        return this;
    }

    /**
     * Copies pre-rendered member bytes (e.g. {@code "id":"a","price":3}) into the current object. The fragment
     * must be valid JSON members without a leading or trailing comma.
     */
    public JsonWriter rawMembers(byte[] fragment) {
        if (fragment.length == 0) {
            return this;
        }
        if (needsComma[depth]) {
            put((byte) ',');
        }
        needsComma[depth] = true;
        put(fragment);
        return this;
    }

    /** Copies a complete pre-rendered JSON value. */
    public JsonWriter rawValue(byte[] json) {
        beforeValue();
        put(json);
        return this;
    }

    private void push() {
        if (++depth >= MAX_DEPTH) {
            throw new IllegalStateException("JSON nested deeper than " + MAX_DEPTH);
        }
        needsComma[depth] = false;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (needsComma[depth]) {
            put((byte) ',');
        }
        needsComma[depth] = true;
    }

    private void quoted(String s) {
        int n = s.length();
        ensure(n * 3 + 2);
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        char[] cs = chars;
        s.getChars(0, n, cs, 0);
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c < 0x80) {
                if (c == '"' || c == '\\') {
                    ensure(2 + (n - i) * 3);
                    buf[len++] = '\\';
                    buf[len++] = (byte) c;
                } else if (c < 0x20) {
                    ensure(6 + (n - i) * 3);
                    escapeControl(c);
                } else {
                    buf[len++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
                int cp = Character.toCodePoint(c, cs[++i]);
                ensure(4 + (n - i) * 3);
                buf[len++] = (byte) (0xF0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate cannot be encoded in UTF-8: write U+FFFD as strict decoders expect.
                buf[len++] = (byte) 0xEF;
                buf[len++] = (byte) 0xBF;
                buf[len++] = (byte) 0xBD;
            } else {
                buf[len++] = (byte) (0xE0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        ensure(1);
        buf[len++] = '"';
    }

    private void escapeControl(char c) {
        buf[len++] = '\\';
        switch (c) {
            case '\n' -> buf[len++] = 'n';
            case '\r' -> buf[len++] = 'r';
            case '\t' -> buf[len++] = 't';
            case '\b' -> buf[len++] = 'b';
            case '\f' -> buf[len++] = 'f';
            default -> {
                buf[len++] = 'u';
                buf[len++] = '0';
                buf[len++] = '0';
                buf[len++] = HEX[c >> 4];
                buf[len++] = HEX[c & 0xF];
            }
        }
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
