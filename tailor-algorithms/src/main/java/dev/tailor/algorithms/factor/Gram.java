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

    /** Allocates the partial sums once; reuse the instance for every Gram matrix of one training run. */
    public Gram(int rank) {
        this.rank = rank;
        this.partials = new double[MAX_PARTS][rank * rank];
    }

    /**
     * Writes {@code F^T F + diagonal * I} for the first {@code rows} rows of {@code factors} into {@code out}
     * (k x k, row-major, both triangles) and the same sum in double into {@code outDouble}.
     */
    public void compute(float[] factors, int rows, double diagonal, WorkerPool pool, float[] out,
            double[] outDouble) {
        int k = rank;
        int parts = Math.max(1, Math.min(MAX_PARTS, rows / 256));
        int partSize = (rows + parts - 1) / parts;
        int used = Math.max(1, WorkerPool.chunkCount(rows, Math.max(1, partSize)));
        pool.forChunks(rows, Math.max(1, partSize), (worker, chunk, from, to) -> {
            double[] acc = partials[chunk];
            Arrays.fill(acc, 0);
            for (int r = from; r < to; r++) {
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
        double[] sum = outDouble;
        Arrays.fill(sum, 0);
        for (int p = 0; p < used && rows > 0; p++) {
            double[] acc = partials[p];
            for (int i = 0; i < k * k; i++) {
                sum[i] += acc[i];
            }
        }
        for (int f = 0; f < k; f++) {
            for (int g = f + 1; g < k; g++) {
                sum[g * k + f] = sum[f * k + g];
            }
            sum[f * k + f] += diagonal;
        }
        for (int i = 0; i < k * k; i++) {
            out[i] = (float) sum[i];
        }
    }
}
