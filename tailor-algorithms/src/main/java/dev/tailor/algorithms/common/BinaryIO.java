// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.common;

import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.error.TailorException;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Length-prefixed primitive arrays in big-endian order (the byte order of {@link java.io.DataOutputStream}),
 * moved through a 64 KiB buffer: element-wise {@code writeFloat} costs a call per element, which is slow for
 * the tens of millions of entries of a large neighbour table.
 */
public final class BinaryIO {
    private static final int CHUNK = 1 << 16;

    private BinaryIO() {
    }

    public static void writeInts(DataOutput out, int[] a) throws IOException {
        out.writeInt(a.length);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        for (int i = 0; i < a.length; ) {
            buf.clear();
            int n = Math.min(a.length - i, CHUNK / Integer.BYTES);
            buf.asIntBuffer().put(a, i, n);
            out.write(buf.array(), 0, n * Integer.BYTES);
            i += n;
        }
    }

    public static void writeFloats(DataOutput out, float[] a) throws IOException {
        out.writeInt(a.length);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        for (int i = 0; i < a.length; ) {
            buf.clear();
            int n = Math.min(a.length - i, CHUNK / Float.BYTES);
            buf.asFloatBuffer().put(a, i, n);
            out.write(buf.array(), 0, n * Float.BYTES);
            i += n;
        }
    }

    /** Reads an array written by {@link #writeInts}; {@code expected} < 0 accepts any length. */
    public static int[] readInts(DataInput in, int expected) throws IOException {
        int len = readLength(in, expected);
        int[] a = new int[len];
        byte[] bytes = new byte[Math.min(CHUNK, len * Integer.BYTES)];
        for (int i = 0; i < len; ) {
            int n = Math.min(len - i, CHUNK / Integer.BYTES);
            in.readFully(bytes, 0, n * Integer.BYTES);
            ByteBuffer.wrap(bytes, 0, n * Integer.BYTES).asIntBuffer().get(a, i, n);
            i += n;
        }
        return a;
    }

    /** Reads an array written by {@link #writeFloats}; {@code expected} < 0 accepts any length. */
    public static float[] readFloats(DataInput in, int expected) throws IOException {
        int len = readLength(in, expected);
        float[] a = new float[len];
        byte[] bytes = new byte[Math.min(CHUNK, len * Float.BYTES)];
        for (int i = 0; i < len; ) {
            int n = Math.min(len - i, CHUNK / Float.BYTES);
            in.readFully(bytes, 0, n * Float.BYTES);
            ByteBuffer.wrap(bytes, 0, n * Float.BYTES).asFloatBuffer().get(a, i, n);
            i += n;
        }
        return a;
    }

    private static int readLength(DataInput in, int expected) throws IOException {
        int len = in.readInt();
        // A corrupt length would otherwise surface as an OutOfMemoryError or a confusing EOF much later.
        if (len < 0 || len > Integer.MAX_VALUE / Float.BYTES || (expected >= 0 && len != expected)) {
            throw new TailorException("corrupt model data: array length " + len
                    + (expected >= 0 ? ", expected " + expected : ""));
        }
        return len;
    }

    /**
     * Checks that a CSR row-pointer array read from a file is usable: starts at 0, never decreases and ends at
     * {@code nnz}, so that a corrupt file fails here rather than with an index error while serving.
     */
    public static void checkRowPointers(int[] ptr, int nnz, String what) {
        if (ptr.length == 0 || ptr[0] != 0 || ptr[ptr.length - 1] != nnz) {
            throw new TailorException("corrupt model data: bad row pointers of " + what);
        }
        for (int i = 1; i < ptr.length; i++) {
            if (ptr[i] < ptr[i - 1]) {
                throw new TailorException("corrupt model data: decreasing row pointers of " + what);
            }
        }
    }

    /** Checks that every index lies in [0, bound). */
    public static void checkIndices(int[] idx, int bound, String what) {
        for (int v : idx) {
            if (v < 0 || v >= bound) {
                throw new TailorException("corrupt model data: index " + v + " of " + what + " outside [0, "
                        + bound + ")");
            }
        }
    }

    /** Fails clearly when a model file's payload was written by a newer or unknown layout. */
    public static void checkPayloadVersion(String algorithm, int version, int supported) {
        if (version != supported) {
            throw new TailorException(algorithm + " model payload version " + version + " is not supported (this"
                    + " build reads version " + supported + "); retrain the model or use a matching Tailor version");
        }
    }

    /** Writes a CSR matrix: dimensions, row pointers, column indices, values. */
    public static void writeMatrix(DataOutput out, CsrMatrix m) throws IOException {
        out.writeInt(m.rows());
        out.writeInt(m.cols());
        int[] ptr = new int[m.rows() + 1];
        for (int r = 0; r < m.rows(); r++) {
            ptr[r + 1] = m.rowEnd(r);
        }
        int[] idx = new int[m.nnz()];
        float[] val = new float[m.nnz()];
        for (int p = 0; p < idx.length; p++) {
            idx[p] = m.col(p);
            val[p] = m.value(p);
        }
        writeInts(out, ptr);
        writeInts(out, idx);
        writeFloats(out, val);
    }

    /**
     * Reads a matrix written by {@link #writeMatrix}, checking its structure; {@code expectedRows} or
     * {@code expectedCols} < 0 accept any size.
     */
    public static CsrMatrix readMatrix(DataInput in, int expectedRows, int expectedCols, String what)
            throws IOException {
        int rows = in.readInt();
        int cols = in.readInt();
        if (rows < 0 || cols < 0 || (expectedRows >= 0 && rows != expectedRows)
                || (expectedCols >= 0 && cols != expectedCols)) {
            throw new TailorException("corrupt model data: " + what + " is " + rows + "x" + cols);
        }
        int[] ptr = readInts(in, rows + 1);
        int[] idx = readInts(in, -1);
        float[] val = readFloats(in, idx.length);
        checkRowPointers(ptr, idx.length, what);
        checkIndices(idx, cols, what);
        return new CsrMatrix(rows, cols, ptr, idx, val);
    }
}
