// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.similarity;

import dev.tailor.algorithms.common.Parallel;
import dev.tailor.core.data.CsrMatrix;
import java.util.Arrays;

/**
 * All-pairs top-k similarity search over the rows of a sparse matrix, without ever forming the dense
 * row x row product. For row i, the dot products with every other row come from one pass over i's features
 * and, for each feature f, the inverted index (the transpose's row f): {@code acc[j] += x(i,f) * x(j,f)}.
 * Only rows sharing a feature with i are touched, and they are remembered in a list so that neither the
 * similarity pass nor the reset scans all n rows. The cost is the sum over features of (rows per feature)²,
 * e.g. the sum over users of (items per user)² for item-kNN, not n².
 *
 * <p>Rows are processed in chunks on {@code threads} threads, each with its own dense float accumulator,
 * stamp and touched list (3 arrays of n); each row's result depends only on the row, so the output is
 * identical for every thread count. Neighbour lists land in a flat CSR table ({@link Neighbours}).
 */
public final class NeighbourSearch {
    /** Rows per work unit: small enough to balance skewed rows, large enough to amortize the hand-off. */
    static final int CHUNK = 32;

    private NeighbourSearch() {
    }

    /**
     * For every row i of {@code vectors}: the (at most) k rows j != i with the largest similarity
     * {@code measure(i -> j) > 0}, best first, ties to the smaller index.
     *
     * @param vectors one vector per row (items x users for item-kNN, users x items for user-kNN), values >= 0
     * @param threads worker threads, 0 for all available processors
     */
    public static Neighbours topK(CsrMatrix vectors, SimilarityMeasure measure, int k, int threads) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, was " + k);
        }
        int n = vectors.rows();
        CsrMatrix index = vectors.transpose();
        double[] sourceFactor = new double[n];
        double[] candidateFactor = new double[n];
        for (int i = 0; i < n; i++) {
            double sq = squaredNorm(vectors, i);
            sourceFactor[i] = measure.sourceFactor(sq);
            candidateFactor[i] = measure.candidateFactor(sq);
        }
        int kept = Math.min(k, Math.max(0, n - 1));
        Result[] results = new Result[Parallel.chunkCount(n, CHUNK)];
        Parallel.forChunks(n, CHUNK, threads,
                () -> new Scratch(n, kept),
                (scratch, chunk, from, to) -> results[chunk] = scratch.run(vectors, index, measure, sourceFactor,
                        candidateFactor, from, to));
        int[] ptr = new int[n + 1];
        int total = 0;
        for (Result r : results) {
            total += r.idx.length;
        }
        int[] idx = new int[total];
        float[] sim = new float[total];
        int row = 0;
        int pos = 0;
        for (Result r : results) {
            for (int c : r.counts) {
                ptr[row + 1] = ptr[row] + c;
                row++;
            }
            System.arraycopy(r.idx, 0, idx, pos, r.idx.length);
            System.arraycopy(r.sim, 0, sim, pos, r.sim.length);
            pos += r.idx.length;
        }
        return new Neighbours(n, n, ptr, idx, sim);
    }

    /** Sum of squared values of one row. */
    public static double squaredNorm(CsrMatrix m, int row) {
        double s = 0;
        for (int p = m.rowStart(row); p < m.rowEnd(row); p++) {
            double v = m.value(p);
            s += v * v;
        }
        return s;
    }

    /** One chunk's neighbour lists, rows in order. */
    private record Result(int[] counts, int[] idx, float[] sim) {
    }

    /** Per-thread buffers, allocated once per thread and reused for every row it processes. */
    private static final class Scratch {
        private final float[] acc;
        private final int[] stamp;
        private final int[] touched;
        private final BoundedHeap heap;
        private int[] outIdx;
        private float[] outSim;

        Scratch(int n, int k) {
            acc = new float[n];
            stamp = new int[n];
            touched = new int[n];
            heap = new BoundedHeap(k);
            outIdx = new int[CHUNK * k];
            outSim = new float[CHUNK * k];
        }

        Result run(CsrMatrix vectors, CsrMatrix index, SimilarityMeasure measure, double[] sourceFactor,
                double[] candidateFactor, int from, int to) {
            boolean jaccard = measure.similarity() == Similarity.JACCARD;
            double shrink = measure.shrink();
            int[] counts = new int[to - from];
            int total = 0;
            for (int i = from; i < to; i++) {
                // Stamps are row ids + 1, so a fresh row needs no clearing of acc or stamp.
                int mark = i + 1;
                int nt = 0;
                for (int p = vectors.rowStart(i); p < vectors.rowEnd(i); p++) {
                    int f = vectors.col(p);
                    float v = vectors.value(p);
                    for (int q = index.rowStart(f); q < index.rowEnd(f); q++) {
                        int j = index.col(q);
                        if (j == i) {
                            continue;
                        }
                        if (stamp[j] != mark) {
                            stamp[j] = mark;
                            acc[j] = 0f;
                            touched[nt++] = j;
                        }
                        acc[j] += v * index.value(q);
                    }
                }
                double si = sourceFactor[i];
                for (int t = 0; t < nt; t++) {
                    int j = touched[t];
                    double dot = acc[j];
                    if (dot <= 0) {
                        continue;
                    }
                    double denominator = jaccard ? si + candidateFactor[j] - dot + shrink
                            : si * candidateFactor[j] + shrink;
                    float s = (float) (dot / denominator);
                    if (s > 0 && s < Float.POSITIVE_INFINITY) {
                        heap.offer(j, s);
                    }
                }
                counts[i - from] = heap.drainDescending(outIdx, outSim, total);
                total += counts[i - from];
            }
            return new Result(counts, Arrays.copyOf(outIdx, total), Arrays.copyOf(outSim, total));
        }
    }
}
