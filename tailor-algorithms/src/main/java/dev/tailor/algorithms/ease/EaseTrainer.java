// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.ease;

import dev.tailor.algorithms.common.Training;
import dev.tailor.algorithms.factor.WorkerPool;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.Trainer;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EASE (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data"): the item x item weights B minimizing
 * {@code |X - X B|^2 + lambda |B|^2} subject to {@code diag(B) = 0} have the closed form
 * <pre>
 *   P = (X^T X + lambda I)^-1,   B = I - P diagMat(1 / diag(P)),   i.e. B_ij = -P_ij / P_jj, B_jj = 0.
 * </pre>
 * Training builds the Gram matrix row by row from the item x user matrix (each row by one worker, so the result
 * does not depend on the thread count), inverts it in place with {@link SymmetricInverse} and scales the
 * columns into a float matrix. See {@link EaseConfig} for the memory and time this takes.
 */
public final class EaseTrainer implements Trainer<EaseModel> {
    private static final Logger LOG = LoggerFactory.getLogger(EaseTrainer.class);

    private final EaseConfig config;

    public EaseTrainer(EaseConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public EaseConfig config() {
        return config;
    }

    @Override
    public EaseModel train(Snapshot training) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        Training.requireInteractions(training, EaseConfig.NAME);
        checkSize(training.name(), training.numItems());
        CsrMatrix userItem = Training.matrix(training, config.events(), EaseConfig.NAME);
        float[] weights = fit(userItem);
        float[] fallback = Training.fallbackScores(Training.userCounts(userItem));
        return new EaseModel(training.numItems(), weights, fallback, (float) config.recency(),
                Training.provenance(EaseConfig.NAME, config.toParams(), 0, training, start, t0));
    }

    /**
     * The n x n weight matrix B, row-major, of a users x items matrix (n = its column count).
     *
     * @throws ValidationException when n exceeds {@code max-items} or the heap
     */
    public float[] fit(CsrMatrix userItem) {
        int n = userItem.cols();
        checkSize("matrix", n);
        try (WorkerPool pool = WorkerPool.create(config.threads())) {
            long t = System.nanoTime();
            double[] g = gram(userItem, config.lambda(), pool);
            long tGram = System.nanoTime();
            SymmetricInverse.invert(g, n, pool);
            long tInverse = System.nanoTime();
            float[] b = weights(g, n, pool);
            LOG.debug("ease: {} items, gram {} ms, inverse {} ms, weights {} ms", n, (tGram - t) / 1_000_000,
                    (tInverse - tGram) / 1_000_000, (System.nanoTime() - tInverse) / 1_000_000);
            return b;
        }
    }

    private void checkSize(String source, int n) {
        if (n > config.maxItems()) {
            throw new ValidationException(new Problem(source, 0, "max-items", String.format(Locale.ROOT,
                    "the catalog has %,d items, more than ease's limit of %,d: EASE keeps a dense items x items"
                            + " matrix and needs 12 * items^2 bytes (%.1f GB) while training; raise max-items if the"
                            + " heap allows it, or use als or item-knn", n, config.maxItems(),
                    EaseConfig.trainingBytes(n) / 1e9)));
        }
        long max = Runtime.getRuntime().maxMemory();
        if (max != Long.MAX_VALUE && EaseConfig.trainingBytes(n) > max) {
            throw new ValidationException(new Problem(source, 0, "max-items", String.format(Locale.ROOT,
                    "the catalog has %,d items; EASE needs 12 * items^2 bytes (%.1f GB) while training but the"
                            + " JVM heap limit is %.1f GB: raise -Xmx or use als or item-knn", n,
                    EaseConfig.trainingBytes(n) / 1e9, max / 1e9)));
        }
    }

    /**
     * Lower triangle of {@code X^T X + lambda I}: row a of the Gram matrix sums, over the users of item a, that
     * user's weights on the items b <= a. Work is the sum of squared history lengths, halved.
     */
    static double[] gram(CsrMatrix userItem, double lambda, WorkerPool pool) {
        int n = userItem.cols();
        CsrMatrix itemUser = userItem.transpose();
        double[] g = new double[n * n];
        pool.forChunks(n, 64, (worker, chunk, from, to) -> {
            for (int a = from; a < to; a++) {
                int ra = a * n;
                for (int e = itemUser.rowStart(a); e < itemUser.rowEnd(a); e++) {
                    int u = itemUser.col(e);
                    double xa = itemUser.value(e);
                    for (int f = userItem.rowStart(u); f < userItem.rowEnd(u); f++) {
                        int b = userItem.col(f);
                        if (b > a) {
                            break; // columns are sorted within a row
                        }
                        g[ra + b] += xa * userItem.value(f);
                    }
                }
                g[ra + a] += lambda;
            }
        });
        return g;
    }

    /** {@code B_ij = -P_ij / P_jj}, {@code B_jj = 0}, from the lower triangle of P, into a full float matrix. */
    private static float[] weights(double[] p, int n, WorkerPool pool) {
        double[] inverseDiagonal = new double[n];
        for (int j = 0; j < n; j++) {
            inverseDiagonal[j] = 1.0 / p[j * n + j];
        }
        float[] b = new float[n * n];
        // Row i of B needs P_ij for j > i from the upper triangle, which is only stored as column i of the lower
        // one; going through the matrix in square tiles keeps both the reads and the writes in cache.
        int tile = 64;
        int tiles = (n + tile - 1) / tile;
        pool.forChunks(tiles, 1, (worker, chunk, from, to) -> {
            int i0 = chunk * tile;
            int i1 = Math.min(n, i0 + tile);
            for (int j0 = 0; j0 < n; j0 += tile) {
                int j1 = Math.min(n, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    int rb = i * n;
                    for (int j = j0; j < j1; j++) {
                        double pij = j <= i ? p[i * n + j] : p[j * n + i];
                        b[rb + j] = i == j ? 0f : (float) (-pij * inverseDiagonal[j]);
                    }
                }
            }
        });
        return b;
    }
}
