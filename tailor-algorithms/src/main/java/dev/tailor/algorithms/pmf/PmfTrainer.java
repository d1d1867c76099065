// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.pmf;

import dev.tailor.algorithms.factor.Divergence;
import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.algorithms.factor.WorkerPool;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probabilistic matrix factorization (Salakhutdinov and Mnih 2008; with the user and item biases of Koren,
 * Bell and Volinsky 2009) trained by SGD on squared error: {@code r_ui ~ mu + b_u + b_i + p_u . q_i}. Each epoch
 * visits the ratings in a fresh order that depends only on the seed and the epoch, so one thread reproduces a
 * run exactly; several threads update the shared tables without locks (Hogwild). The training RMSE (of the
 * predictions made just before each update) is reported per epoch.
 */
public final class PmfTrainer implements ListenableTrainer<PmfModel> {
    private static final Logger LOG = LoggerFactory.getLogger(PmfTrainer.class);
    private static final int CHUNK = 8192;
    private static final String HINT = "lower lr or raise reg";

    private final PmfConfig config;
    private final EpochListener listener;

    public PmfTrainer(PmfConfig config) {
        this(config, EpochListener.NONE);
    }

    public PmfTrainer(PmfConfig config, EpochListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public PmfConfig config() {
        return config;
    }

    @Override
    public PmfTrainer withListener(EpochListener newListener) {
        return new PmfTrainer(config, newListener);
    }

    @Override
    public PmfModel train(Snapshot training) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        if (training.interactions().size() == 0) {
            throw ValidationException.of("snapshot", "'" + training.name() + "' has no interactions; pmf needs"
                    + " explicit ratings to train on");
        }
        Ratings ratings = Ratings.of(training);
        PmfModel.Parameters p = fit(ratings);
        Provenance provenance = new Provenance(PmfConfig.NAME, config.toParams(), config.seed(),
                training.fingerprint(), start, Duration.ofNanos(System.nanoTime() - t0).toMillis());
        return new PmfModel(p, provenance);
    }

    /**
     * Learns the parameters from ratings.
     *
     * @throws dev.tailor.core.error.TailorException when training diverges
     */
    public PmfModel.Parameters fit(Ratings ratings) {
        int k = config.rank();
        int n = ratings.size();
        if (n == 0) {
            throw ValidationException.of("ratings", "pmf needs at least one rating");
        }
        float mu = (float) ratings.mean();
        SplittableRandom init = new SplittableRandom(config.seed());
        float[] p = new float[ratings.numUsers() * k];
        float[] q = new float[ratings.numItems() * k];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) ((init.nextDouble() - 0.5) * 0.1);
        }
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) ((init.nextDouble() - 0.5) * 0.1);
        }
        float[] bu = new float[ratings.numUsers()];
        float[] bi = new float[ratings.numItems()];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int chunks = WorkerPool.chunkCount(n, CHUNK);
        double[] chunkError = new double[chunks];
        float lr = (float) config.learningRate();
        float reg = (float) config.reg();
        float biasReg = (float) config.biasReg();
        int[] us = ratings.users();
        int[] is = ratings.items();
        float[] rs = ratings.values();
        try (WorkerPool pool = WorkerPool.create(config.threads())) {
            for (int e = 0; e < config.epochs(); e++) {
                long t = System.nanoTime();
                shuffle(order, new SplittableRandom(config.seed() * 31 + e + 1));
                pool.forChunks(n, CHUNK, (worker, chunk, from, to) -> {
                    double sq = 0;
                    for (int s = from; s < to; s++) {
                        int r = order[s];
                        int u = us[r];
                        int i = is[r];
                        int uo = u * k;
                        int io = i * k;
                        float pred = mu + bu[u] + bi[i];
                        for (int f = 0; f < k; f++) {
                            pred += p[uo + f] * q[io + f];
                        }
                        float err = rs[r] - pred;
                        sq += (double) err * err;
                        bu[u] += lr * (err - biasReg * bu[u]);
                        bi[i] += lr * (err - biasReg * bi[i]);
                        for (int f = 0; f < k; f++) {
                            float pu = p[uo + f];
                            float qi = q[io + f];
                            p[uo + f] = pu + lr * (err * qi - reg * pu);
                            q[io + f] = qi + lr * (err * pu - reg * qi);
                        }
                    }
                    chunkError[chunk] = sq;
                });
                double sum = 0;
                for (double c : chunkError) {
                    sum += c;
                }
                double rmse = Math.sqrt(sum / n);
                Divergence.checkLoss(PmfConfig.NAME, e + 1, "rmse", rmse, HINT);
                Epoch epoch = new Epoch(PmfConfig.NAME, e + 1, config.epochs(), "rmse", rmse, System.nanoTime() - t);
                LOG.debug("{}", epoch);
                listener.onEpoch(epoch);
            }
        }
        Divergence.checkFactors(PmfConfig.NAME, "user factors", p, HINT);
        Divergence.checkFactors(PmfConfig.NAME, "item factors", q, HINT);
        Divergence.checkFactors(PmfConfig.NAME, "user biases", bu, HINT);
        Divergence.checkFactors(PmfConfig.NAME, "item biases", bi, HINT);
        return new PmfModel.Parameters(k, mu, bu, bi, p, q);
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
