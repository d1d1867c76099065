// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.train;

import dev.tailor.algorithms.factor.Divergence;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.Provenance;
import dev.tailor.sequential.model.EpochStats;
import dev.tailor.sequential.model.ItemScores;
import dev.tailor.sequential.model.Kernels;
import dev.tailor.sequential.model.SequenceEncoder;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.model.Sequences;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Next-item training shared by every encoder: each training sequence predicts, at every position, the item
 * that follows (SASRec's objective), with softmax cross-entropy over the target and either all items or a
 * sampled set of negatives shared by the mini-batch. Gradients of one mini-batch are accumulated per thread
 * (each thread owns a slice of the batch and a full gradient buffer), summed in thread order (so a run is
 * reproducible for a given thread count) and applied with Adam. After each epoch the model ranks all items for
 * the validation users; the epoch with the best NDCG@10 is kept and training stops after {@code patience}
 * epochs without improvement.
 */
public final class TrainingLoop {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
    private static final int VALID_BLOCK = 64;

    private final SequenceEncoder encoder;
    private final TrainConfig config;
    private final EpochListener listener;
    private final Optional<ItemInit> itemInit;

    public TrainingLoop(SequenceEncoder encoder, TrainConfig config, EpochListener listener) {
        this(encoder, config, listener, Optional.empty());
    }

    /**
     * @param itemInit starting values for the item embeddings of the items with text ({@link ItemInit#apply});
     *     empty: all parameters random
     */
    public TrainingLoop(SequenceEncoder encoder, TrainConfig config, EpochListener listener,
            Optional<ItemInit> itemInit) {
        if (encoder.maxLength() != config.maxLength()) {
            throw new IllegalArgumentException("encoder and config disagree on the maximum length");
        }
        this.encoder = encoder;
        this.config = config;
        this.listener = listener;
        this.itemInit = Objects.requireNonNull(itemInit, "itemInit");
    }

    /** Called after every epoch (progress output, learning curves). */
    @FunctionalInterface
    public interface EpochListener {
        void epoch(EpochStats stats);

        EpochListener NONE = s -> {
        };
    }

    /**
     * Trains on {@code train}. Validation targets ({@link ValidationSplit}): the first item of each sampled
     * user's {@code validation} events when given (the leave-one-out protocol's second-last item), else the last
     * item of at most {@link TrainConfig#validationUsers()} sampled users with two or more items, held out of
     * training for the whole run. With no validation users (0, or nobody eligible) it trains exactly
     * {@link TrainConfig#maxEpochs()} epochs and keeps the last.
     *
     * <p>After early stopping the best epoch's weights are returned as they are, not retrained on all data for
     * that many epochs: retraining would double the cost and, with a capped sample of validation users, adds
     * back only their last items (5,000 of the 22,363 users on Amazon Beauty, fewer in a large shop).
     *
     * @throws ValidationException when no user has two items to learn a transition from, or the item init's
     *     row count is not the snapshot's item count
     * @throws dev.tailor.core.error.TailorException when the training loss stops being finite before any
     *     validated epoch could be kept (lower the learning rate)
     */
    public SequentialModel train(Snapshot train, Optional<Snapshot> validation) {
        long t0 = System.nanoTime();
        int n = train.numItems();
        if (n != encoder.itemCount()) {
            throw new IllegalArgumentException("encoder has " + encoder.itemCount() + " items, snapshot " + n);
        }
        Sequences.Flat flat = Sequences.of(train.interactions(), config.events(), config.collapseRepeats());
        int users = flat.users();
        ValidationSplit split = validation.isPresent()
                ? ValidationSplit.given(flat, Sequences.of(validation.get().interactions(), config.events(), false),
                        config.validationUsers(), config.seed())
                : ValidationSplit.holdOutLast(flat, config.validationUsers(), config.seed());
        int[] trainEnd = split.trainEnds();
        int[] order = new int[users];
        int nTrain = 0;
        for (int u = 0; u < users; u++) {
            if (trainEnd[u] - flat.ptr()[u] >= 2) {
                order[nTrain++] = u;
            }
        }
        if (nTrain == 0) {
            String heldOut = validation.isEmpty() && split.size() > 0
                    ? "; holding out the last item of " + split.size() + " validation users took the rest: lower"
                            + " the validation users (spec parameter vusers) or set them to 0"
                    : "";
            throw ValidationException.of("training data", "no user has two behaviour events in a row to learn a"
                    + " next-item transition from (" + train.interactions().size() + " events, " + users
                    + " users)" + heldOut);
        }
        order = Arrays.copyOf(order, nTrain);
        float[] popularity = popularity(flat, n);

        int threads = config.threads() == 0 ? Runtime.getRuntime().availableProcessors() : config.threads();
        SplittableRandom rng = new SplittableRandom(config.seed());
        float[] theta = new float[encoder.parameterCount()];
        encoder.initialize(theta, rng.split());
        // Its own seed, not a draw from rng: a run without item init stays exactly what it was.
        int initialized = itemInit.isEmpty() ? 0
                : itemInit.get().apply(theta, n, encoder.dim(), config.seed());
        if (itemInit.isPresent()) {
            LOG.info("{}: item embeddings of {} of {} items initialized from {}-d vectors", encoder.kind(),
                    initialized, n, itemInit.get().dim());
        }
        float[] best = theta.clone();
        Adam adam = new Adam(theta.length, config.learningRate());
        boolean full = config.negatives() == 0 || config.negatives() >= n - 1;
        int k = full ? n : config.negatives();
        Worker[] workers = new Worker[threads];
        for (int w = 0; w < threads; w++) {
            workers[w] = new Worker(theta.length, full ? 0 : k * encoder.dim(), k);
        }
        List<EpochStats> log = new ArrayList<>();
        EarlyStopping stopping = new EarlyStopping(config.patience(), split.size() > 0);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tailor-seq-train");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
                long w0 = System.nanoTime();
                long c0 = cpuNanos();
                shuffle(order, rng);
                double loss = 0;
                long positions = 0;
                int[] negIdx = full ? identity(n) : new int[k];
                float[] negEmb = full ? theta : new float[k * encoder.dim()];
                float[] negT = new float[k * encoder.dim()];
                int[] stamp = new int[n];
                int batchNo = 0;
                for (int b0 = 0; b0 < nTrain; b0 += config.batchSize()) {
                    int b1 = Math.min(nTrain, b0 + config.batchSize());
                    long pos = 0;
                    for (int i = b0; i < b1; i++) {
                        int u = order[i];
                        pos += Math.min(trainEnd[u] - flat.ptr()[u] - 1, config.maxLength());
                    }
                    if (!full) {
                        sampleNegatives(rng, n, negIdx, stamp, ++batchNo);
                        gather(theta, negIdx, encoder.dim(), negEmb);
                    }
                    transpose(negEmb, k, encoder.dim(), negT);
                    loss += runBatch(pool, workers, theta, flat, trainEnd, order, b0, b1, negIdx, negEmb, negT,
                            full, 1f / pos, epoch);
                    positions += pos;
                    float[] grad = reduce(workers, negIdx, full);
                    adam.step(theta, grad);
                }
                double[] metrics = Double.isFinite(loss) ? validate(theta, flat, split, pool, threads)
                        : new double[] {Double.NaN, Double.NaN};
                EpochStats stats = new EpochStats(epoch, loss / positions, metrics[0], metrics[1],
                        (System.nanoTime() - w0) / 1e9, (cpuNanos() - c0) / 1e9);
                log.add(stats);
                LOG.info("{} epoch {}: loss {}, valid NDCG@10 {}, HR@10 {}, {} s ({} s CPU)", encoder.kind(), epoch,
                        String.format("%.4f", stats.trainLoss()), String.format("%.4f", stats.validNdcg10()),
                        String.format("%.4f", stats.validHit10()), String.format("%.1f", stats.wallSeconds()),
                        String.format("%.1f", stats.cpuSeconds()));
                listener.epoch(stats);
                if (!Double.isFinite(stats.trainLoss())) {
                    // The weights are NaN from here on: more epochs cannot help. A validated run keeps its best
                    // epoch; without one there is nothing sound to return.
                    if (stopping.bestEpoch() == 0 || split.size() == 0) {
                        Divergence.checkLoss(encoder.kind(), epoch, "training loss", stats.trainLoss(),
                                "lower lr");
                    }
                    LOG.warn("{} diverged in epoch {} (loss {}); keeping epoch {}", encoder.kind(), epoch,
                            stats.trainLoss(), stopping.bestEpoch());
                    break;
                }
                if (stopping.offer(epoch, metrics[0])) {
                    System.arraycopy(theta, 0, best, 0, theta.length);
                } else if (stopping.shouldStop(epoch)) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, String> settings = new LinkedHashMap<>(encoder.settings());
        settings.putAll(config.settings());
        if (itemInit.isPresent()) {
            String origin = itemInit.get().origin().isEmpty() ? "" : " (" + itemInit.get().origin() + ")";
            settings.put("item-init", "pca of " + itemInit.get().dim() + "-d vectors" + origin + ", " + initialized
                    + " of " + n + " items");
        }
        settings.put("threads", Integer.toString(threads));
        settings.put("best-epoch", Integer.toString(stopping.bestEpoch()));
        Provenance prov = new Provenance(encoder.kind(), settings, config.seed(), train.fingerprint(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                (System.nanoTime() - t0) / 1_000_000);
        return new SequentialModel(encoder, best, popularity, config.collapseRepeats(), config.events(), prov, log);
    }

    private static float[] popularity(Sequences.Flat flat, int n) {
        float[] pop = new float[n];
        for (int item : flat.items()) {
            pop[item]++;
        }
        for (int i = 0; i < n; i++) {
            pop[i] = (float) Math.log1p(pop[i]);
        }
        return pop;
    }

    /** Distinct uniform negatives; {@code stamp} marks those drawn in batch {@code batch} without clearing. */
    private static void sampleNegatives(SplittableRandom rng, int n, int[] out, int[] stamp, int batch) {
        for (int i = 0; i < out.length; i++) {
            int c;
            do {
                c = rng.nextInt(n);
            } while (stamp[c] == batch);
            stamp[c] = batch;
            out[i] = c;
        }
    }

    private static void gather(float[] theta, int[] idx, int d, float[] out) {
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(theta, idx[i] * d, out, i * d, d);
        }
    }

    private double runBatch(ExecutorService pool, Worker[] workers, float[] theta, Sequences.Flat flat,
            int[] trainEnd, int[] order, int b0, int b1, int[] negIdx, float[] negEmb, float[] negT, boolean full,
            float scale, int epoch) {
        int t = workers.length;
        List<Callable<Double>> tasks = new ArrayList<>(t);
        int per = (b1 - b0 + t - 1) / t;
        for (int w = 0; w < t; w++) {
            int from = b0 + w * per;
            int to = Math.min(b1, from + per);
            Worker worker = workers[w];
            tasks.add(() -> {
                double l = 0;
                for (int i = from; i < to; i++) {
                    int u = order[i];
                    l += worker.sequence(encoder, theta, flat, u, trainEnd[u], config, negIdx, negEmb, negT, full,
                            scale, epoch);
                }
                return l;
            });
        }
        double loss = 0;
        try {
            for (Future<Double> f : pool.invokeAll(tasks)) {
                loss += f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
        }
        return loss;
    }

    /** Sums the workers' gradients into the first one's buffer (fixed order) and clears the others. */
    private float[] reduce(Worker[] workers, int[] negIdx, boolean full) {
        float[] g = workers[0].grad;
        int d = encoder.dim();
        for (Worker w : workers) {
            if (!full) {
                for (int i = 0; i < negIdx.length; i++) {
                    int row = negIdx[i] * d;
                    for (int j = 0; j < d; j++) {
                        w.grad[row + j] += w.negGrad[i * d + j];
                    }
                }
                Arrays.fill(w.negGrad, 0f);
            }
            if (w != workers[0]) {
                float[] wg = w.grad;
                for (int i = 0; i < g.length; i++) {
                    g[i] += wg[i];
                }
                Arrays.fill(wg, 0f);
            }
        }
        return g;
    }

    /**
     * NDCG@10 and HR@10 of the validation targets, full ranking with the user's training items masked (the
     * harness's {@code loo} rule).
     */
    private double[] validate(float[] theta, Sequences.Flat flat, ValidationSplit split, ExecutorService pool,
            int threads) {
        int nValid = split.size();
        if (nValid == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int n = encoder.itemCount();
        int d = encoder.dim();
        List<Callable<double[]>> tasks = new ArrayList<>();
        int per = (nValid + threads - 1) / threads;
        for (int w = 0; w < threads; w++) {
            int from = w * per;
            int to = Math.min(nValid, from + per);
            tasks.add(() -> {
                SequenceEncoder.Workspace ws = encoder.newWorkspace();
                float[] hidden = new float[VALID_BLOCK * d];
                float[] scores = new float[VALID_BLOCK * n];
                double ndcg = 0;
                double hit = 0;
                for (int s0 = from; s0 < to; s0 += VALID_BLOCK) {
                    int s1 = Math.min(to, s0 + VALID_BLOCK);
                    for (int s = s0; s < s1; s++) {
                        int u = split.user(s);
                        int end = split.trainEnd(u);
                        int len = Math.min(end - flat.ptr()[u], config.maxLength());
                        encoder.forward(theta, flat.items(), end - len, len, false, null, ws);
                        System.arraycopy(ws.output(), (len - 1) * d, hidden, (s - s0) * d, d);
                    }
                    ItemScores.scoreBlock(theta, n, d, hidden, s1 - s0, scores);
                    for (int s = s0; s < s1; s++) {
                        int u = split.user(s);
                        int o = (s - s0) * n;
                        // Mask the user's whole history (not only the newest N): those items are not candidates.
                        int histEnd = split.maskEnd(flat, u);
                        for (int x = flat.ptr()[u]; x < histEnd; x++) {
                            scores[o + flat.items()[x]] = Float.NEGATIVE_INFINITY;
                        }
                        int target = split.target(s);
                        float ts = Kernels.dot(hidden, (s - s0) * d, theta, target * d, d);
                        if (Float.isNaN(ts)) {
                            // NaN compares false with every score, which would rank the target first.
                            continue;
                        }
                        int rank = 0;
                        for (int i = 0; i < n && rank < 10; i++) {
                            if (scores[o + i] > ts && i != target) {
                                rank++;
                            }
                        }
                        if (rank < 10) {
                            hit++;
                            ndcg += 1.0 / (Math.log(rank + 2) / Math.log(2));
                        }
                    }
                }
                return new double[] {ndcg, hit};
            });
        }
        double ndcg = 0;
        double hit = 0;
        try {
            for (Future<double[]> f : pool.invokeAll(tasks)) {
                ndcg += f.get()[0];
                hit += f.get()[1];
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("validation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("validation failed: " + e.getCause(), e.getCause());
        }
        return new double[] {ndcg / nValid, hit / nValid};
    }

    /** {@code out[j * rows + r] = in[r * cols + j]}. */
    private static void transpose(float[] in, int rows, int cols, float[] out) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + r] = in[r * cols + j];
            }
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0L;
    }

    /** One training thread's buffers: gradient, gradient of the shared negatives, scratch for logits. */
    private static final class Worker {
        final float[] grad;
        final float[] negGrad;
        final float[] logits;
        SequenceEncoder.Workspace ws;
        private float[] dhBuf = new float[0];

        Worker(int params, int negSize, int candidates) {
            grad = new float[params];
            negGrad = new float[negSize];
            logits = new float[candidates];
        }

        /**
         * Forward, loss and backward of one user's training sequence ending (exclusively) at {@code end}:
         * inputs are the newest N + 1 items but the last, targets the newest N. Returns the summed loss.
         */
        double sequence(SequenceEncoder enc, float[] theta, Sequences.Flat flat, int u, int end, TrainConfig cfg,
                int[] negIdx, float[] negEmb, float[] negT, boolean full, float scale, int epoch) {
            if (ws == null) {
                ws = enc.newWorkspace();
            }
            int d = enc.dim();
            int[] items = flat.items();
            int len = Math.min(end - flat.ptr()[u] - 1, cfg.maxLength());
            int from = end - 1 - len;
            SplittableRandom r = new SplittableRandom(cfg.seed() * 0x9E3779B97F4A7C15L + epoch * 1_000_003L + u);
            enc.forward(theta, items, from, len, true, r, ws);
            float[] h = ws.output();
            float[] dh = dOutBuffer(len * d);
            float[] negG = full ? grad : negGrad;
            int k = negIdx.length;
            double loss = 0;
            for (int t = 0; t < len; t++) {
                int y = items[from + t + 1];
                int ho = t * d;
                float zy = Kernels.dot(h, ho, theta, y * d, d);
                // Logits against the transposed candidates: row-by-row axpy vectorizes, K dot products do not.
                Arrays.fill(logits, 0f);
                for (int j = 0; j < d; j++) {
                    Kernels.axpy(h[ho + j], negT, j * k, logits, 0, k);
                }
                float max = zy;
                for (int c = 0; c < k; c++) {
                    if (negIdx[c] == y) {
                        logits[c] = Float.NEGATIVE_INFINITY;
                    }
                    max = Math.max(max, logits[c]);
                }
                // Exponentials once per candidate: logits[] then holds exp(z - max).
                float ey = (float) Math.exp(zy - max);
                double sum = ey;
                for (int c = 0; c < k; c++) {
                    float e = (float) Math.exp(logits[c] - max);
                    logits[c] = e;
                    sum += e;
                }
                loss += max + Math.log(sum) - zy;
                float inv = (float) (1.0 / sum);
                float gy = (ey * inv - 1f) * scale;
                Kernels.axpy(gy, theta, y * d, dh, ho, d);
                Kernels.axpy(gy, h, ho, grad, y * d, d);
                for (int c = 0; c < k; c++) {
                    float p = logits[c] * inv;
                    if (p < 1e-9f) {
                        // Below float resolution of the gradient sums: skipping saves two d-loops.
                        continue;
                    }
                    float g = p * scale;
                    Kernels.axpy(g, negEmb, c * d, dh, ho, d);
                    Kernels.axpy(g, h, ho, negG, c * d, d);
                }
            }
            enc.backward(theta, ws, dh, grad);
            return loss;
        }

        private float[] dOutBuffer(int size) {
            if (dhBuf.length < size) {
                dhBuf = new float[size];
            }
            Arrays.fill(dhBuf, 0, size, 0f);
            return dhBuf;
        }
    }
}
