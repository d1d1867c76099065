// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.bpr;

import dev.tailor.algorithms.common.Training;
import dev.tailor.algorithms.factor.Divergence;
import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.algorithms.factor.Sampling;
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
 * Bayesian personalized ranking (Rendle et al. 2009) with matrix factorization: SGD on {@code -ln sigmoid(x_ui -
 * x_uj)} for a positive pair (u, i) drawn uniformly from the observed pairs and a negative item j drawn
 * uniformly from the items u has not interacted with. Each epoch draws nnz triples in fixed chunks, and chunk c
 * of epoch e always draws from the same random stream, so one thread reproduces a run exactly; several threads
 * update the shared tables without locks (Hogwild), which is safe here because a triple touches one user row
 * and two item rows of a large table, and races only lose an occasional update.
 */
public final class BprTrainer implements ListenableTrainer<BprModel> {
    private static final Logger LOG = LoggerFactory.getLogger(BprTrainer.class);
    private static final int CHUNK = 8192;
    private static final String HINT = "lower lr or raise reg";

    private final BprConfig config;
    private final EpochListener listener;

    public BprTrainer(BprConfig config) {
        this(config, EpochListener.NONE);
    }

    public BprTrainer(BprConfig config, EpochListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public BprConfig config() {
        return config;
    }

    @Override
    public BprTrainer withListener(EpochListener newListener) {
        return new BprTrainer(config, newListener);
    }

    @Override
    public BprModel train(Snapshot training) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        CsrMatrix userItem = Training.matrix(training, config.events(), BprConfig.NAME);
        Factors f = fit(userItem);
        float[] fallback = Training.fallbackScores(Training.userCounts(userItem));
        return new BprModel(config.rank(), f.users, f.items, f.itemBias, fallback,
                Training.provenance(BprConfig.NAME, config.toParams(), config.seed(), training, start, t0));
    }

    /** Learned tables: users x rank, items x rank, and one bias per item (zeros when disabled). */
    record Factors(float[] users, float[] items, float[] itemBias, double[] losses) {
    }

    /**
     * Trains on the positive pairs of a users x items matrix.
     *
     * @throws ValidationException when there is no pair to learn from
     * @throws dev.tailor.core.error.TailorException when training diverges
     */
    Factors fit(CsrMatrix userItem) {
        int nnz = userItem.nnz();
        int numItems = userItem.cols();
        if (nnz == 0 || numItems < 2) {
            throw ValidationException.of("matrix", "bpr needs at least one positive pair and two items, got "
                    + nnz + " pairs and " + numItems + " items");
        }
        int k = config.rank();
        SplittableRandom init = new SplittableRandom(config.seed());
        float[] users = new float[userItem.rows() * k];
        float[] items = new float[numItems * k];
        // Small symmetric values (the implicit library's (rand - 0.5) / rank): sizeable enough to break symmetry.
        for (int i = 0; i < users.length; i++) {
            users[i] = (float) ((init.nextDouble() - 0.5) / k);
        }
        for (int i = 0; i < items.length; i++) {
            items[i] = (float) ((init.nextDouble() - 0.5) / k);
        }
        float[] bias = new float[numItems];
        int[] rowOf = Sampling.rowOfEntries(userItem);
        double[] losses = new double[config.epochs()];
        int chunks = WorkerPool.chunkCount(nnz, CHUNK);
        double[] chunkLoss = new double[chunks];
        int[] chunkSamples = new int[chunks];
        try (WorkerPool pool = WorkerPool.create(config.threads())) {
            float[][] scratch = new float[pool.threads()][k];
            for (int e = 0; e < config.epochs(); e++) {
                long t = System.nanoTime();
                long epochSeed = Sampling.mix(config.seed(), e);
                pool.forChunks(nnz, CHUNK, (worker, chunk, from, to) -> {
                    SplittableRandom random = new SplittableRandom(Sampling.mix(epochSeed, chunk));
                    double loss = 0;
                    int done = 0;
                    for (int s = from; s < to; s++) {
                        int pos = random.nextInt(nnz);
                        int u = rowOf[pos];
                        int j = Sampling.negative(userItem, u, random);
                        if (j >= 0) {
                            loss += step(users, items, bias, u, userItem.col(pos), j, scratch[worker]);
                            done++;
                        }
                    }
                    chunkLoss[chunk] = loss;
                    chunkSamples[chunk] = done;
                });
                double total = 0;
                long samples = 0;
                for (int c = 0; c < chunks; c++) {
                    total += chunkLoss[c];
                    samples += chunkSamples[c];
                }
                double loss = samples == 0 ? 0 : total / samples;
                losses[e] = loss;
                Divergence.checkLoss(BprConfig.NAME, e + 1, "bpr-loss", loss, HINT);
                Epoch epoch = new Epoch(BprConfig.NAME, e + 1, config.epochs(), "bpr-loss", loss,
                        System.nanoTime() - t);
                LOG.debug("{}", epoch);
                listener.onEpoch(epoch);
            }
        }
        Divergence.checkFactors(BprConfig.NAME, "user factors", users, HINT);
        Divergence.checkFactors(BprConfig.NAME, "item factors", items, HINT);
        Divergence.checkFactors(BprConfig.NAME, "item biases", bias, HINT);
        return new Factors(users, items, bias, losses);
    }

    /**
     * One SGD step on the triple; returns its loss before the step, {@code -ln sigmoid(x_uij)}. The user's row
     * is copied first so that both item updates use the pre-step user factors.
     */
    private float step(float[] users, float[] items, float[] bias, int u, int i, int j, float[] xu) {
        int k = config.rank();
        float lr = (float) config.learningRate();
        float reg = (float) config.reg();
        int uo = u * k;
        int io = i * k;
        int jo = j * k;
        System.arraycopy(users, uo, xu, 0, k);
        float x = config.bias() ? bias[i] - bias[j] : 0f;
        for (int f = 0; f < k; f++) {
            x += xu[f] * (items[io + f] - items[jo + f]);
        }
        // d/dx of -ln sigmoid(x) is -sigmoid(-x); z is its magnitude.
        float z = (float) (1.0 / (1.0 + Math.exp(x)));
        for (int f = 0; f < k; f++) {
            float yi = items[io + f];
            float yj = items[jo + f];
            users[uo + f] += lr * (z * (yi - yj) - reg * xu[f]);
            items[io + f] = yi + lr * (z * xu[f] - reg * yi);
            items[jo + f] = yj + lr * (-z * xu[f] - reg * yj);
        }
        if (config.bias()) {
            bias[i] += lr * (z - reg * bias[i]);
            bias[j] += lr * (-z - reg * bias[j]);
        }
        // -ln sigmoid(x) = ln(1 + e^-x), written to stay finite for large |x|.
        return (float) (x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x)));
    }
}
