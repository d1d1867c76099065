// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.neumf;

import dev.tailor.algorithms.common.Training;
import dev.tailor.algorithms.factor.Divergence;
import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.algorithms.factor.Sampling;
import dev.tailor.algorithms.factor.Vectors;
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
 * Trains NeuMF with binary cross-entropy on observed pairs (label 1) and uniformly sampled unobserved items
 * (label 0, {@code negatives} per positive) with Adagrad, whose per-parameter step sizes suit embeddings updated
 * at very different rates (popular items in most steps, rare ones seldom). Embeddings are updated after every
 * pair; the dense layers once per mini-batch of {@value #BATCH} positives.
 * Each epoch draws nnz positives in fixed chunks with a random stream per chunk, so one thread reproduces a
 * run exactly; more threads update without locks (the dense layers are shared by every step, so they contend:
 * expect little speed-up).
 */
public final class NeuMfTrainer implements ListenableTrainer<NeuMfModel> {
    private static final Logger LOG = LoggerFactory.getLogger(NeuMfTrainer.class);
    private static final int CHUNK = 4096;
    /** Positives (each with its negatives) per update of the dense layers. */
    private static final int BATCH = 16;
    private static final float EPS = 1e-8f;
    private static final String HINT = "lower lr";

    private final NeuMfConfig config;
    private final EpochListener listener;

    public NeuMfTrainer(NeuMfConfig config) {
        this(config, EpochListener.NONE);
    }

    public NeuMfTrainer(NeuMfConfig config, EpochListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public NeuMfConfig config() {
        return config;
    }

    @Override
    public NeuMfTrainer withListener(EpochListener newListener) {
        return new NeuMfTrainer(config, newListener);
    }

    @Override
    public NeuMfModel train(Snapshot training) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        CsrMatrix userItem = Training.matrix(training, config.events(), NeuMfConfig.NAME);
        Network net = fit(userItem);
        float[] fallback = Training.fallbackScores(Training.userCounts(userItem));
        return new NeuMfModel(net, fallback,
                Training.provenance(NeuMfConfig.NAME, config.toParams(), config.seed(), training, start, t0));
    }

    Network fit(CsrMatrix userItem) {
        int nnz = userItem.nnz();
        int numItems = userItem.cols();
        if (nnz == 0 || numItems < 2) {
            throw ValidationException.of("matrix", "neumf needs at least one positive pair and two items, got "
                    + nnz + " pairs and " + numItems + " items");
        }
        int[] widths = config.hiddenWidths();
        Network net = Network.random(userItem.rows(), numItems, config.factors(), config.mlpDim(), widths,
                new SplittableRandom(config.seed()));
        Network acc = Network.zeros(userItem.rows(), numItems, config.factors(), config.mlpDim(), widths);
        int[] rowOf = Sampling.rowOfEntries(userItem);
        int chunks = WorkerPool.chunkCount(nnz, CHUNK);
        double[] chunkLoss = new double[chunks];
        long[] chunkSamples = new long[chunks];
        float lr = (float) config.learningRate();
        float reg = (float) config.reg();
        try (WorkerPool pool = WorkerPool.create(config.threads())) {
            Scratch[] scratch = new Scratch[pool.threads()];
            for (int w = 0; w < scratch.length; w++) {
                scratch[w] = new Scratch(net);
            }
            for (int e = 0; e < config.epochs(); e++) {
                long t = System.nanoTime();
                long epochSeed = Sampling.mix(config.seed(), e);
                pool.forChunks(nnz, CHUNK, (worker, chunk, from, to) -> {
                    SplittableRandom random = new SplittableRandom(Sampling.mix(epochSeed, chunk));
                    Scratch s = scratch[worker];
                    ParameterStep adagrad = (theta, a, k, grad) -> adagrad(theta, a, k, grad, lr);
                    double loss = 0;
                    long samples = 0;
                    for (int x = from; x < to; x++) {
                        int pos = random.nextInt(nnz);
                        int u = rowOf[pos];
                        loss += step(net, acc, u, userItem.col(pos), 1f, reg, s, adagrad);
                        samples++;
                        for (int q = 0; q < config.negatives(); q++) {
                            int j = Sampling.negative(userItem, u, random);
                            if (j >= 0) {
                                loss += step(net, acc, u, j, 0f, reg, s, adagrad);
                                samples++;
                            }
                        }
                        if ((x - from + 1) % BATCH == 0 || x == to - 1) {
                            applyDense(net, acc, s.grad, lr);
                        }
                    }
                    chunkLoss[chunk] = loss;
                    chunkSamples[chunk] = samples;
                });
                double total = 0;
                long samples = 0;
                for (int c = 0; c < chunks; c++) {
                    total += chunkLoss[c];
                    samples += chunkSamples[c];
                }
                double loss = total / samples;
                Divergence.checkLoss(NeuMfConfig.NAME, e + 1, "bce", loss, HINT);
                Epoch epoch = new Epoch(NeuMfConfig.NAME, e + 1, config.epochs(), "bce", loss, System.nanoTime() - t);
                LOG.debug("{}", epoch);
                listener.onEpoch(epoch);
            }
        }
        for (float[] table : net.tables()) {
            Divergence.checkFactors(NeuMfConfig.NAME, "network parameters", table, HINT);
        }
        return net;
    }

    /** Applies one embedding parameter's gradient; the trainer's implementation is an Adagrad step. */
    @FunctionalInterface
    interface ParameterStep {
        void apply(float[] theta, float[] accumulator, int k, float grad);
    }

    /**
     * Back-propagates the cross-entropy of the pair with label {@code y}: adds the gradients of the dense tables
     * to {@code s.grad} (applied once per mini-batch by {@link #applyDense}) and hands each embedding gradient to
     * {@code update} at once (each pair touches only its own user's and item's rows). Returns the loss before any
     * update. Gradients flow output -> MLP layers -> embeddings. {@code reg} adds L2 on the embeddings.
     */
    static float step(Network net, Network acc, int u, int i, float y, float reg, Scratch s,
            ParameterStep update) {
        float logit = net.forward(u, i, s.z, s.gmf);
        float d = (float) (1.0 / (1.0 + Math.exp(-logit))) - y;
        Network grad = s.grad;
        int g = net.factors;
        int layers = net.layers();
        for (int f = 0; f < g; f++) {
            s.dGmf[f] = d * net.outGmf[f];
            grad.outGmf[f] += d * s.gmf[f];
        }
        float[] top = s.z[layers];
        for (int h = 0; h < top.length; h++) {
            s.dz[layers][h] = d * net.outMlp[h];
            grad.outMlp[h] += d * top[h];
        }
        grad.outBias[0] += d;
        for (int l = layers - 1; l >= 0; l--) {
            int in = net.inputWidth(l);
            float[] w = net.weights[l];
            float[] below = s.dz[l];
            java.util.Arrays.fill(below, 0f);
            for (int h = 0; h < net.widths[l]; h++) {
                // ReLU passes gradient only where the unit was active.
                float dp = s.z[l + 1][h] > 0f ? s.dz[l + 1][h] : 0f;
                if (dp == 0f) {
                    continue;
                }
                Vectors.axpy(dp, w, h * in, below, 0, in);
                Vectors.axpy(dp, s.z[l], 0, grad.weights[l], h * in, in);
                grad.biases[l][h] += dp;
            }
        }
        int uo = u * g;
        int io = i * g;
        for (int f = 0; f < g; f++) {
            float pu = net.userGmf[uo + f];
            float qi = net.itemGmf[io + f];
            update.apply(net.userGmf, acc.userGmf, uo + f, s.dGmf[f] * qi + reg * pu);
            update.apply(net.itemGmf, acc.itemGmf, io + f, s.dGmf[f] * pu + reg * qi);
        }
        int m = net.mlpDim;
        int um = u * m;
        int im = i * m;
        for (int f = 0; f < m; f++) {
            update.apply(net.userMlp, acc.userMlp, um + f, s.dz[0][f] + reg * net.userMlp[um + f]);
            update.apply(net.itemMlp, acc.itemMlp, im + f, s.dz[0][m + f] + reg * net.itemMlp[im + f]);
        }
        return crossEntropy(logit, y);
    }

    /**
     * One Adagrad step of the dense tables on the gradients summed over a mini-batch, then clears them. Summing
     * first makes the per-parameter square roots and divisions a once-per-batch cost instead of a per-pair one
     * (the dense layers are most of the parameters a pair touches); Adagrad is invariant to the gradient's scale,
     * so a sum and a mean step alike.
     */
    static void applyDense(Network net, Network acc, Network grad, float lr) {
        float[][] theta = net.denseTables();
        float[][] a = acc.denseTables();
        float[][] g = grad.denseTables();
        for (int t = 0; t < theta.length; t++) {
            float[] gt = g[t];
            for (int k = 0; k < gt.length; k++) {
                if (gt[k] != 0f) {
                    adagrad(theta[t], a[t], k, gt[k], lr);
                    gt[k] = 0f;
                }
            }
        }
    }

    /** {@code softplus(logit) - y logit}, the BCE of a logit, in a form that stays finite for large |logit|. */
    static float crossEntropy(float logit, float y) {
        double softplus = logit > 0 ? logit + Math.log1p(Math.exp(-logit)) : Math.log1p(Math.exp(logit));
        return (float) (softplus - y * logit);
    }

    private static void adagrad(float[] theta, float[] acc, int k, float grad, float lr) {
        float a = acc[k] + grad * grad;
        acc[k] = a;
        theta[k] -= lr * grad / ((float) Math.sqrt(a) + EPS);
    }

    /** One worker's activations and gradients, allocated once per run. */
    static final class Scratch {
        final float[][] z;
        final float[][] dz;
        final float[] gmf;
        final float[] dGmf;
        /** Gradients of the dense tables, summed over the current mini-batch (no embeddings). */
        final Network grad;

        Scratch(Network net) {
            int layers = net.layers();
            z = new float[layers + 1][];
            dz = new float[layers + 1][];
            z[0] = new float[2 * net.mlpDim];
            dz[0] = new float[2 * net.mlpDim];
            for (int l = 0; l < layers; l++) {
                z[l + 1] = new float[net.widths[l]];
                dz[l + 1] = new float[net.widths[l]];
            }
            gmf = new float[net.factors];
            dGmf = new float[net.factors];
            grad = Network.zeros(0, 0, net.factors, net.mlpDim, net.widths);
        }
    }
}
