// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.similarity;

import dev.tailor.algorithms.common.BinaryIO;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The k nearest neighbours of each row as a flat CSR table: row r's neighbours are {@code neighbour(p)} with
 * {@code similarity(p)} for p in [start(r), end(r)), best first (ties: smaller index first), similarities
 * > 0. Immutable and thread-safe; about 8 bytes per stored neighbour.
 */
public final class Neighbours {
    private final int rows;
    private final int cols;
    private final int[] ptr;
    private final int[] idx;
    private final float[] sim;

    /** Takes ownership of the arrays. */
    Neighbours(int rows, int cols, int[] ptr, int[] idx, float[] sim) {
        if (ptr.length != rows + 1 || idx.length != sim.length || ptr[rows] != idx.length) {
            throw new IllegalArgumentException("inconsistent neighbour arrays");
        }
        this.rows = rows;
        this.cols = cols;
        this.ptr = ptr;
        this.idx = idx;
        this.sim = sim;
    }

    /**
     * A table built elsewhere (a graph walk, a learned item x item model), checked: row pointers monotone and
     * ending at the neighbour count, neighbour indices within [0, cols). Takes ownership of the arrays; each row's
     * neighbours should come best first, as readers expect.
     */
    public static Neighbours of(int rows, int cols, int[] ptr, int[] idx, float[] sim) {
        if (ptr.length != rows + 1 || idx.length != sim.length) {
            throw new IllegalArgumentException("inconsistent neighbour arrays: " + ptr.length + " row pointers for "
                    + rows + " rows, " + idx.length + " indices and " + sim.length + " similarities");
        }
        if (ptr[0] != 0 || ptr[rows] != idx.length) {
            throw new IllegalArgumentException("row pointers must run from 0 to " + idx.length + ", ran from "
                    + ptr[0] + " to " + ptr[rows]);
        }
        for (int r = 0; r < rows; r++) {
            if (ptr[r + 1] < ptr[r]) {
                throw new IllegalArgumentException("row pointers decrease at row " + r);
            }
        }
        for (int v : idx) {
            if (v < 0 || v >= cols) {
                throw new IllegalArgumentException("neighbour index " + v + " outside [0, " + cols + ")");
            }
        }
        return new Neighbours(rows, cols, ptr, idx, sim);
    }

    /** Number of rows (items or users) that have a neighbour list. */
    public int rows() {
        return rows;
    }

    /** Size of the index space neighbours are drawn from. */
    public int cols() {
        return cols;
    }

    /** Total number of stored neighbours. */
    public int size() {
        return idx.length;
    }

    public int start(int row) {
        return ptr[row];
    }

    public int end(int row) {
        return ptr[row + 1];
    }

    public int count(int row) {
        return ptr[row + 1] - ptr[row];
    }

    public int neighbour(int p) {
        return idx[p];
    }

    public float similarity(int p) {
        return sim[p];
    }

    /** Row's neighbours, best first (a copy). */
    public int[] neighboursOf(int row) {
        return Arrays.copyOfRange(idx, ptr[row], ptr[row + 1]);
    }

    /** Row's similarities aligned with {@link #neighboursOf} (a copy). */
    public float[] similaritiesOf(int row) {
        return Arrays.copyOfRange(sim, ptr[row], ptr[row + 1]);
    }

    /**
     * The table with every similarity raised to {@code exponent} (Aiolli's locality parameter q: values > 1
     * let the strongest neighbours dominate a sum) and then, if {@code normalizeRows}, each row scaled to sum
     * to 1 (Deshpande and Karypis 2004: a history item with many strong neighbours then cannot outvote the
     * others). Both are monotone within a row, so the neighbour order stays the same.
     */
    public Neighbours transformed(double exponent, boolean normalizeRows) {
        if (exponent == 1 && !normalizeRows) {
            return this;
        }
        float[] s = new float[sim.length];
        for (int r = 0; r < rows; r++) {
            double total = 0;
            for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                double v = exponent == 1 ? sim[p] : Math.pow(sim[p], exponent);
                s[p] = (float) v;
                total += v;
            }
            if (normalizeRows && total > 0) {
                for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                    s[p] = (float) (s[p] / total);
                }
            }
        }
        return new Neighbours(rows, cols, ptr, idx, s);
    }

    public long bytes() {
        return 4L * ptr.length + 4L * idx.length + 4L * sim.length;
    }

    public void write(DataOutput out) throws IOException {
        out.writeInt(rows);
        out.writeInt(cols);
        BinaryIO.writeInts(out, ptr);
        BinaryIO.writeInts(out, idx);
        BinaryIO.writeFloats(out, sim);
    }

    /** Reads a table written by {@link #write}, checking it against the expected dimensions. */
    public static Neighbours read(DataInput in, int expectedRows, int expectedCols) throws IOException {
        int rows = in.readInt();
        int cols = in.readInt();
        if (rows != expectedRows || cols != expectedCols) {
            throw new dev.tailor.core.error.TailorException("corrupt model data: neighbour table is " + rows + "x"
                    + cols + ", expected " + expectedRows + "x" + expectedCols);
        }
        int[] ptr = BinaryIO.readInts(in, rows + 1);
        int[] idx = BinaryIO.readInts(in, -1);
        float[] sim = BinaryIO.readFloats(in, idx.length);
        BinaryIO.checkRowPointers(ptr, idx.length, "neighbours");
        BinaryIO.checkIndices(idx, cols, "neighbours");
        return new Neighbours(rows, cols, ptr, idx, sim);
    }

    @Override
    public String toString() {
        return "Neighbours[" + rows + " rows, " + idx.length + " neighbours]";
    }
}
