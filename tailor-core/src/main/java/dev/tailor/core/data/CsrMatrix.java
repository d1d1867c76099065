// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.data;

import java.util.Arrays;

/**
 * A sparse float matrix in compressed sparse row form, column indices sorted within each row. Immutable:
 * the arrays are never exposed for writing. The transpose (CSC view) is built on demand, once.
 */
public final class CsrMatrix {
    private final int rows;
    private final int cols;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final float[] values;
    private volatile CsrMatrix transpose;

    /**
     * Wraps the arrays without copying: callers hand over ownership.
     *
     * @param rowPtr length rows+1, non-decreasing, rowPtr[0]=0, rowPtr[rows]=nnz
     * @param colIdx length nnz, each in [0, cols), strictly increasing within a row
     */
    public CsrMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, float[] values) {
        if (rowPtr.length != rows + 1 || rowPtr[0] != 0 || rowPtr[rows] != colIdx.length
                || colIdx.length != values.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays: rows=" + rows + " rowPtr.length="
                    + rowPtr.length + " nnz=" + colIdx.length + " values=" + values.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.values = values;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int nnz() {
        return colIdx.length;
    }

    public int rowStart(int row) {
        return rowPtr[row];
    }

    public int rowEnd(int row) {
        return rowPtr[row + 1];
    }

    public int rowLength(int row) {
        return rowPtr[row + 1] - rowPtr[row];
    }

    /** Column index of the k-th stored entry (k in [rowStart(r), rowEnd(r))). */
    public int col(int k) {
        return colIdx[k];
    }

    public float value(int k) {
        return values[k];
    }

    /** Entry (row, col), 0 when not stored. O(log rowLength). */
    public float get(int row, int col) {
        int k = Arrays.binarySearch(colIdx, rowPtr[row], rowPtr[row + 1], col);
        return k >= 0 ? values[k] : 0f;
    }

    /** Column indices of one row, copied. */
    public int[] rowIndices(int row) {
        return Arrays.copyOfRange(colIdx, rowPtr[row], rowPtr[row + 1]);
    }

    /** Values of one row, copied, aligned with {@link #rowIndices}. */
    public float[] rowValues(int row) {
        return Arrays.copyOfRange(values, rowPtr[row], rowPtr[row + 1]);
    }

    /** Number of stored entries in each column. */
    public int[] columnCounts() {
        int[] c = new int[cols];
        for (int k : colIdx) {
            c[k]++;
        }
        return c;
    }

    /** The transpose (item x user for a user x item matrix), computed by a counting sort and cached. */
    public CsrMatrix transpose() {
        CsrMatrix t = transpose;
        if (t == null) {
            int[] ptr = new int[cols + 1];
            for (int c : colIdx) {
                ptr[c + 1]++;
            }
            for (int i = 0; i < cols; i++) {
                ptr[i + 1] += ptr[i];
            }
            int[] next = Arrays.copyOf(ptr, cols);
            int[] idx = new int[colIdx.length];
            float[] val = new float[values.length];
            // Rows are visited in order, so each transposed row comes out sorted without a sort.
            for (int r = 0; r < rows; r++) {
                for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
                    int dst = next[colIdx[k]]++;
                    idx[dst] = r;
                    val[dst] = values[k];
                }
            }
            t = new CsrMatrix(cols, rows, ptr, idx, val);
            t.transpose = this;
            transpose = t;
        }
        return t;
    }

    /** Approximate heap footprint of the arrays, for documentation and capacity planning. */
    public long bytes() {
        return 4L * rowPtr.length + 4L * colIdx.length + 4L * values.length;
    }

    @Override
    public String toString() {
        return "CsrMatrix[" + rows + "x" + cols + ", nnz=" + nnz() + "]";
    }
}
