// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.als;

import dev.tailor.algorithms.common.Training;
import dev.tailor.algorithms.factor.Divergence;
import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.factor.Gram;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.algorithms.factor.WorkerPool;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Implicit-feedback ALS: alternates between solving every user's factors with the item factors fixed and
 * every item's with the user factors fixed, each row by a few warm-started conjugate-gradient steps
 * ({@link RowSolver}), or exactly by the Woodbury identity ({@link LowRank}) when the row has few nonzeros and
 * the sweep has enough such rows to pay for the per-sweep table that needs (the user sweep of a shop, where most
 * customers have a handful of events). Rows are independent, so each sweep runs on a {@link WorkerPool} over
 * chunks of rows; per-worker scratch and the low-rank table are allocated once per run, and nothing else is
 * allocated per iteration.
 *
 * <p>After each iteration the exact objective is computed (its dense part from the sweeps' Gram matrices, the
 * observed pairs' part by the item sweep as it goes), reported to the listener and checked: a NaN or infinite
 * objective stops training with a {@link dev.tailor.core.error.TailorException}.
 *
 * <p>{@link #fit(CsrMatrix)} works on any weight matrix, which is what benchmarks against other engines call;
 * {@link #train(Snapshot)} builds the matrix from the snapshot's events and wraps the factors in a model.
 */
public final class AlsTrainer implements ListenableTrainer<AlsModel> {
    private static final Logger LOG = LoggerFactory.getLogger(AlsTrainer.class);
    /** Rows per work unit: large enough to amortize hand-out, small enough to balance heavy rows. */
    private static final int CHUNK = 128;
    private static final float INIT_SCALE = 0.01f;
    /**
     * Per-worker CG gather buffer, in floats (16 MB): holds the columns of a row of up to 65,536 nonzeros at rank
     * 64; longer rows read the factor table in place.
     */
    private static final int GATHER_FLOATS = 1 << 22;
    private static final String HINT = "raise reg or lower alpha (very large event weights times alpha make"
            + " the confidences overflow float precision)";

    private final AlsConfig config;
    private final EpochListener listener;

    public AlsTrainer(AlsConfig config) {
        this(config, EpochListener.NONE);
    }

    public AlsTrainer(AlsConfig config, EpochListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public AlsConfig config() {
        return config;
    }

    /** The same trainer reporting each iteration to {@code newListener}. */
    @Override
    public AlsTrainer withListener(EpochListener newListener) {
        return new AlsTrainer(config, newListener);
    }

    @Override
    public AlsModel train(Snapshot training) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        CsrMatrix userItem = Training.matrix(training, config.events(), AlsConfig.NAME);
        AlsFactors factors = fit(userItem);
        int[] history = new int[training.numUsers()];
        for (int u = 0; u < history.length; u++) {
            history[u] = training.interactions().count(u);
        }
        float[] fallback = Training.fallbackScores(Training.userCounts(userItem));
        return new AlsModel(factors.rank(), factors.users(), factors.items(), history, fallback,
                (float) config.alpha(), (float) config.reg(), (float) config.recency(),
                Training.provenance(AlsConfig.NAME, config.toParams(), config.seed(), training, start, t0));
    }

    /**
     * Factorizes a rows x cols matrix of non-negative weights (rows are users, columns items).
     *
     * @throws ValidationException when the matrix has no positive entry or a negative or non-finite one
     * @throws dev.tailor.core.error.TailorException when training diverges
     */
    public AlsFactors fit(CsrMatrix userItem) {
        checkMatrix(userItem);
        int k = config.rank();
        int numUsers = userItem.rows();
        int numItems = userItem.cols();
        CsrMatrix itemUser = userItem.transpose();
        double reg = config.reg();

        SplittableRandom random = new SplittableRandom(config.seed());
        float[] users = randomFactors(numUsers, k, random);
        float[] items = randomFactors(numItems, k, random);

        try (WorkerPool pool = WorkerPool.create(config.threads())) {
            int workers = pool.threads();
            int rowLimit = LowRank.rowLimit(k, config.cgSteps(), config.exact(), config.lowRank());
            // Row lengths never change during a run, so whether each sweep's low-rank path pays is decided once.
            boolean userLowRank = LowRank.pays(userItem, rowLimit, k, config.cgSteps(), config.exact());
            boolean itemLowRank = LowRank.pays(itemUser, rowLimit, k, config.cgSteps(), config.exact());
            LOG.debug("als: low-rank solve of rows with <= {} nonzeros in the user sweep: {}, item sweep: {}",
                    rowLimit, userLowRank, itemLowRank);
            LowRank lowRank = userLowRank || itemLowRank ? new LowRank(k, workers) : null;
            int gatherRows = (int) Math.min(Math.max(maxRow(userItem), maxRow(itemUser)), GATHER_FLOATS / k);
            Scratch[] scratch = new Scratch[workers];
            for (int w = 0; w < workers; w++) {
                scratch[w] = new Scratch(k, config.exact(), lowRank == null ? 0 : rowLimit, gatherRows);
            }
            Gram gram = new Gram(k);
            double[] userGram = new double[k * k];
            double[] itemGram = new double[k * k];
            float[] regularized = new float[k * k];
            double[] regularizedDouble = new double[k * k];
            double[] chunkLoss = new double[WorkerPool.chunkCount(numItems, CHUNK)];
            double[] losses = new double[config.iterations()];
            long[] nanos = new long[config.iterations()];

            gram.compute(items, numItems, pool, itemGram);
            for (int it = 0; it < config.iterations(); it++) {
                long t = System.nanoTime();
                Gram.withDiagonal(itemGram, k, reg, regularized, regularizedDouble);
                sweep(pool, scratch, userItem, items, regularized, regularizedDouble,
                        userLowRank ? lowRank : null, rowLimit, users, null);
                gram.compute(users, numUsers, pool, userGram);
                Gram.withDiagonal(userGram, k, reg, regularized, regularizedDouble);
                sweep(pool, scratch, itemUser, users, regularized, regularizedDouble,
                        itemLowRank ? lowRank : null, rowLimit, items, chunkLoss);
                gram.compute(items, numItems, pool, itemGram);
                double loss = loss(userGram, itemGram, chunkLoss);
                nanos[it] = System.nanoTime() - t;
                losses[it] = loss;
                Divergence.checkLoss(AlsConfig.NAME, it + 1, "loss", loss, HINT);
                Epoch epoch = new Epoch(AlsConfig.NAME, it + 1, config.iterations(), "loss", loss, nanos[it]);
                LOG.debug("{}", epoch);
                listener.onEpoch(epoch);
            }
            Divergence.checkFactors(AlsConfig.NAME, "user factors", users, HINT);
            Divergence.checkFactors(AlsConfig.NAME, "item factors", items, HINT);
            return new AlsFactors(k, users, items, losses, nanos);
        }
    }

    /**
     * One half-iteration: every row of {@code w} re-solved against the fixed {@code other} factors; rows of at
     * most {@code rowLimit} nonzeros by {@code lowRank} when it is given and G is invertible. With
     * {@code chunkLoss}, the last sweep of an iteration also adds up each row's observed correction to the
     * objective ({@link RowSolver#observedCorrection}) per chunk, right after solving the row, while the row's
     * columns are still in the CG gather buffer or the caches: a separate pass would read every observed pair's
     * factors once more, at random.
     */
    private void sweep(WorkerPool pool, Scratch[] scratch, CsrMatrix w, float[] other, float[] gram,
            double[] gramDouble, LowRank lowRank, int rowLimit, float[] target, double[] chunkLoss) {
        int k = config.rank();
        float alpha = (float) config.alpha();
        int steps = config.cgSteps();
        boolean exact = config.exact();
        boolean shortRows = lowRank != null && lowRank.prepare(pool, gramDouble, other, w.cols());
        float[] z = shortRows ? lowRank.z() : null;
        pool.forChunks(w.rows(), CHUNK, (worker, chunk, from, to) -> {
            Scratch s = scratch[worker];
            double l = 0;
            for (int row = from; row < to; row++) {
                float[] gathered = null;
                boolean solved = shortRows && w.rowEnd(row) - w.rowStart(row) <= rowLimit
                        && LowRank.solve(w, row, other, z, k, alpha, target, row * k, s.lowRank);
                if (!solved && exact) {
                    RowSolver.cholesky(w, row, other, gramDouble, k, alpha, target, row * k, s.a, s.b);
                } else if (!solved) {
                    gathered = RowSolver.gathers(w, row, k, s.gathered) ? s.gathered : null;
                    RowSolver.conjugateGradient(w, row, other, gram, k, alpha, steps, target, row * k, s.r, s.p,
                            s.ap, gathered);
                }
                if (chunkLoss != null) {
                    l += RowSolver.observedCorrection(w, row, other, gathered, k, alpha, target, row * k);
                }
            }
            if (chunkLoss != null) {
                chunkLoss[chunk] = l;
            }
        });
    }

    /**
     * The objective after a full iteration. Its dense part, {@code sum over all (u, i) of (x_u . y_i)^2}, equals
     * {@code trace(X^T X Y^T Y)}: two k x k Gram matrices the sweeps compute anyway, so it costs O(k^2) instead
     * of O(users k^2); the observed pairs then add their corrections, summed by the item sweep per chunk of items
     * ({@code chunkLoss}), and the regularization is {@code reg (trace(X^T X) + trace(Y^T Y))}. The chunk sums
     * are added in chunk order, so the value does not depend on the thread count.
     */
    private double loss(double[] userGram, double[] itemGram, double[] chunkLoss) {
        int k = config.rank();
        double total = Gram.traceOfProduct(userGram, itemGram, k);
        for (double l : chunkLoss) {
            total += l;
        }
        return total + config.reg() * (Gram.trace(userGram, k) + Gram.trace(itemGram, k));
    }

    /**
     * Small positive uniform values: a zero start would make every CG residual identical across rows, and large
     * ones would waste the first sweeps shrinking them (the scale of the {@code implicit} library).
     */
    private static float[] randomFactors(int rows, int k, SplittableRandom random) {
        float[] f = new float[rows * k];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) random.nextDouble() * INIT_SCALE;
        }
        return f;
    }

    private static int maxRow(CsrMatrix m) {
        int max = 0;
        for (int row = 0; row < m.rows(); row++) {
            max = Math.max(max, m.rowEnd(row) - m.rowStart(row));
        }
        return max;
    }

    private static void checkMatrix(CsrMatrix m) {
        if (m.nnz() == 0) {
            throw ValidationException.of("matrix", "has no nonzero entries (" + m.rows() + " x " + m.cols()
                    + "); als needs at least one observed user-item pair");
        }
        for (int n = 0; n < m.nnz(); n++) {
            float v = m.value(n);
            if (!(v >= 0f) || v == Float.POSITIVE_INFINITY) {
                throw ValidationException.of("matrix", "entry " + n + " has weight " + v
                        + "; implicit ALS needs finite weights >= 0");
            }
        }
    }

    /** One worker's buffers, allocated once per training run. */
    private static final class Scratch {
        final float[] r;
        final float[] p;
        final float[] ap;
        final double[] a;
        final double[] b;
        final LowRank.Scratch lowRank;
        final float[] gathered;

        Scratch(int k, boolean exact, int lowRankRows, int gatherRows) {
            r = new float[k];
            p = new float[k];
            ap = new float[k];
            a = exact ? new double[k * k] : null;
            b = exact ? new double[k] : null;
            lowRank = new LowRank.Scratch(lowRankRows, k);
            gathered = exact ? null : new float[gatherRows * k];
        }
    }
}
