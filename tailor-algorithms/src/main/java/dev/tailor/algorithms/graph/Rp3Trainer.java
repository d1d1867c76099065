// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.graph;

import dev.tailor.algorithms.common.Parallel;
import dev.tailor.algorithms.common.Training;
import dev.tailor.algorithms.similarity.BoundedHeap;
import dev.tailor.algorithms.similarity.Neighbours;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.Trainer;
import java.time.Instant;
import java.util.Objects;

/**
 * Trains RP3beta (Paudel, Christoffel, Newell and Bernstein, "Updatable, accurate, diverse, and scalable
 * recommendations for interactive applications", ACM TiiS 2017; the formulation of Dacrema et al., RecSys 2019):
 * on the user-item graph whose edges carry the event weights, {@code P(u -> j)} is the user's row normalized to
 * sum to 1 and {@code P(i -> u)} the item's column normalized to sum to 1; the weight from item i to item j is
 * {@code sum over u of P(i -> u)^alpha P(u -> j)^alpha / pop(j)^beta}, pop(j) the number of distinct users of j.
 * Each item keeps its k largest weights (the self-loop excluded); optionally these are then raised to a power and
 * normalized per item, as item-kNN's are.
 *
 * <p>Cost: the sum over users of (distinct items per user)^2 multiply-adds, plus a top-k per item; memory one
 * dense accumulator of the item count per thread. Rows are computed independently on {@link Parallel} chunks and
 * each weight is summed in a fixed order, so the result does not depend on the thread count.
 */
public final class Rp3Trainer implements Trainer<Rp3Model> {
    /** Items per work unit: popular items cost far more than others, so units stay small. */
    private static final int CHUNK = 32;

    private final Rp3Config config;

    public Rp3Trainer(Rp3Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public Rp3Config config() {
        return config;
    }

    @Override
    public Rp3Model train(Snapshot training) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        CsrMatrix userItem = Training.matrix(training, config.events(), Rp3Config.NAME);
        Neighbours neighbours = similarities(userItem, config.alpha(), config.beta(), config.k(), config.threads())
                .transformed(config.exponent(), config.normalize());
        float[] fallback = Training.fallbackScores(Training.userCounts(userItem));
        return new Rp3Model(neighbours, fallback, config.recency(),
                Training.provenance(Rp3Config.NAME, config.toParams(), 0, training, start, t0));
    }

    /**
     * The top-k item x item walk weights of a users x items matrix of non-negative weights.
     *
     * @param threads worker threads, 0 for all processors
     */
    public static Neighbours similarities(CsrMatrix userItem, double alpha, double beta, int k, int threads) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, was " + k);
        }
        int n = userItem.cols();
        CsrMatrix itemUser = userItem.transpose();
        float[] forward = rowStochastic(userItem, alpha);
        float[] backward = rowStochastic(itemUser, alpha);
        int[] popularity = userItem.columnCounts();
        double[] penalty = new double[n];
        for (int j = 0; j < n; j++) {
            penalty[j] = popularity[j] == 0 ? 0 : Math.pow(popularity[j], -beta);
        }
        int kept = Math.min(k, Math.max(0, n - 1));
        int chunks = Parallel.chunkCount(n, CHUNK);
        int[][] chunkIdx = new int[chunks][];
        float[][] chunkSim = new float[chunks][];
        int[] counts = new int[n];
        Parallel.forChunks(n, CHUNK, threads, () -> new Scratch(n, kept), (s, chunk, from, to) -> {
            int[] idx = new int[(to - from) * kept];
            float[] sim = new float[idx.length];
            int pos = 0;
            for (int i = from; i < to; i++) {
                counts[i] = s.row(i, userItem, itemUser, forward, backward, penalty, idx, sim, pos);
                pos += counts[i];
            }
            chunkIdx[chunk] = idx;
            chunkSim[chunk] = sim;
        });
        int[] ptr = new int[n + 1];
        for (int i = 0; i < n; i++) {
            ptr[i + 1] = ptr[i] + counts[i];
        }
        int[] idx = new int[ptr[n]];
        float[] sim = new float[ptr[n]];
        for (int c = 0; c < chunks; c++) {
            int from = c * CHUNK;
            int length = ptr[Math.min(n, from + CHUNK)] - ptr[from];
            System.arraycopy(chunkIdx[c], 0, idx, ptr[from], length);
            System.arraycopy(chunkSim[c], 0, sim, ptr[from], length);
        }
        return Neighbours.of(n, n, ptr, idx, sim);
    }

    /** The matrix's values divided by their row sums, then raised to {@code alpha}; aligned with its nonzeros. */
    static float[] rowStochastic(CsrMatrix m, double alpha) {
        float[] out = new float[m.nnz()];
        for (int r = 0; r < m.rows(); r++) {
            double sum = 0;
            for (int p = m.rowStart(r); p < m.rowEnd(r); p++) {
                sum += m.value(p);
            }
            for (int p = m.rowStart(r); p < m.rowEnd(r); p++) {
                double v = sum > 0 ? m.value(p) / sum : 0;
                out[p] = (float) (alpha == 1 ? v : Math.pow(v, alpha));
            }
        }
        return out;
    }

    /** A thread's dense accumulator over the items, the list of entries it touched, and its top-k heap. */
    private static final class Scratch {
        private final double[] acc;
        private final boolean[] seen;
        private final int[] touched;
        private final BoundedHeap heap;

        Scratch(int items, int kept) {
            acc = new double[items];
            seen = new boolean[items];
            touched = new int[items];
            heap = new BoundedHeap(kept);
        }

        /** Item i's kept weights, best first, into {@code idx/sim[pos, ...)}; returns how many. */
        int row(int i, CsrMatrix userItem, CsrMatrix itemUser, float[] forward, float[] backward,
                double[] penalty, int[] idx, float[] sim, int pos) {
            int t = 0;
            for (int p = itemUser.rowStart(i); p < itemUser.rowEnd(i); p++) {
                int u = itemUser.col(p);
                double toUser = backward[p];
                for (int q = userItem.rowStart(u); q < userItem.rowEnd(u); q++) {
                    int j = userItem.col(q);
                    if (j == i) {
                        continue;
                    }
                    if (!seen[j]) {
                        seen[j] = true;
                        touched[t++] = j;
                    }
                    acc[j] += toUser * forward[q];
                }
            }
            for (int x = 0; x < t; x++) {
                int j = touched[x];
                float w = (float) (acc[j] * penalty[j]);
                if (w > 0f) {
                    heap.offer(j, w);
                }
                acc[j] = 0;
                seen[j] = false;
            }
            return heap.drainDescending(idx, sim, pos);
        }
    }

    @Override
    public String toString() {
        return "Rp3Trainer[" + config + "]";
    }
}
