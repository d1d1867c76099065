// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.factor;

import java.util.Arrays;

/**
 * The k x k Gram matrix {@code F^T F} of a factor table F (rows x k, row-major), the shared part of every
 * row's normal equations in ALS. Rows are cut into at most {@value #MAX_PARTS} fixed parts, each summed in
 * double into its own partial, and the partials are added in part order: the result is the same bit for bit
 * whatever the thread count, and double accumulation keeps the sum of millions of rows accurate.
 */
public final class Gram {
    static final int MAX_PARTS = 32;

    private final int rank;
    private final double[][] partials;
    private final double[][] blocks;

    /** Allocates the partial sums once; reuse the instance for every Gram matrix of one training run. */
    public Gram(int rank) {
        this.rank = rank;
        this.partials = new double[MAX_PARTS][rank * rank];
        this.blocks = new double[MAX_PARTS][4 * rank];
    }

    /**
     * Writes {@code F^T F} for the first {@code rows} rows of {@code factors} into {@code out} (k x k, row-major,
     * both triangles).
     */
    public void compute(float[] factors, int rows, WorkerPool pool, double[] out) {
        int k = rank;
        int parts = Math.max(1, Math.min(MAX_PARTS, rows / 256));
        int partSize = Math.max(1, (rows + parts - 1) / parts);
        int used = WorkerPool.chunkCount(rows, partSize);
        pool.forChunks(rows, partSize, (worker, chunk, from, to) -> {
            double[] acc = partials[chunk];
            Arrays.fill(acc, 0);
            double[] four = blocks[chunk];
            int r = from;
            // Four rows a pass, converted to double once: each accumulator entry is loaded and stored once per four
            // rows instead of once per row, and each value converted once instead of k times; those loads, stores
            // and conversions, not the multiply-adds, bound the one-row loop (about 3x slower at k = 64).
            for (; r + 3 < to; r += 4) {
                int base = r * k;
                for (int f = 0; f < 4 * k; f++) {
                    four[f] = factors[base + f];
                }
                for (int f = 0; f < k; f++) {
                    double y0 = four[f];
                    double y1 = four[k + f];
                    double y2 = four[2 * k + f];
                    double y3 = four[3 * k + f];
                    int row = f * k;
                    for (int g = f; g < k; g++) {
                        acc[row + g] += y0 * four[g] + y1 * four[k + g] + y2 * four[2 * k + g] + y3 * four[3 * k + g];
                    }
                }
            }
            for (; r < to; r++) {
                int base = r * k;
                for (int f = 0; f < k; f++) {
                    double yf = factors[base + f];
                    int row = f * k;
                    // Upper triangle only: half the work; mirrored below.
                    for (int g = f; g < k; g++) {
                        acc[row + g] += yf * factors[base + g];
                    }
                }
            }
        });
        Arrays.fill(out, 0, k * k, 0);
        for (int p = 0; p < used; p++) {
            double[] acc = partials[p];
            for (int i = 0; i < k * k; i++) {
                out[i] += acc[i];
            }
        }
        for (int f = 0; f < k; f++) {
            for (int g = f + 1; g < k; g++) {
                out[g * k + f] = out[f * k + g];
            }
        }
    }

    /** {@code gram + diagonal * I} into a float and a double copy. */
    public static void withDiagonal(double[] gram, int k, double diagonal, float[] out, double[] outDouble) {
        for (int i = 0; i < k * k; i++) {
            outDouble[i] = gram[i];
        }
        for (int f = 0; f < k; f++) {
            outDouble[f * k + f] += diagonal;
        }
        for (int i = 0; i < k * k; i++) {
            out[i] = (float) outDouble[i];
        }
    }

    /** {@code trace(a b)} of two symmetric k x k matrices: the sum of their entry-wise product. */
    public static double traceOfProduct(double[] a, double[] b, int k) {
        double s = 0;
        for (int i = 0; i < k * k; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code trace(a)}. */
    public static double trace(double[] a, int k) {
        double s = 0;
        for (int f = 0; f < k; f++) {
            s += a[f * k + f];
        }
        return s;
    }
}
