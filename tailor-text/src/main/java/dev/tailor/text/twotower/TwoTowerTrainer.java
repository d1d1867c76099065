// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.twotower;

import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.Trainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Fine-tunes an {@link Adapter} on frozen item vectors from a snapshot's interactions: every (customer history,
 * next item) pair in the training part is a positive; the other targets of its batch are its negatives
 * ({@link BatchLoss}); Adam (AdamW decay) with the learning rate of the config. A random share of customers gives
 * up its last item for validation: after each epoch those customers' next items are ranked among all items
 * (their history masked) and the parameters with the best NDCG@20 are kept; training stops after
 * {@code patience} epochs without improvement. Epoch 0 is the untrained adapter, the identity, so the kept model
 * is never worse on validation than the frozen encoder. Deterministic for a seed. Single-threaded: each step
 * depends on the previous one, and a step is small (about 0.2 GFLOP for 256 pairs, h = 64, 384 dims).
 *
 * <p>Only events that express interest count ({@link EventWeights#BINARY} weight above 0): impressions and searches
 * are dropped before pairs are formed.
 */
public final class TwoTowerTrainer implements Trainer<TwoTowerModel> {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;
    private static final int K = 20;

    private final ItemVectors vectors;
    private final TwoTowerConfig config;
    private final Consumer<TwoTowerModel.Epoch> listener;

    public TwoTowerTrainer(ItemVectors vectors, TwoTowerConfig config) {
        this(vectors, config, e -> { });
    }

    /** @param listener told after each epoch (progress reports) */
    public TwoTowerTrainer(ItemVectors vectors, TwoTowerConfig config, Consumer<TwoTowerModel.Epoch> listener) {
        this.vectors = vectors;
        this.config = config;
        this.listener = listener;
    }

    public TwoTowerConfig config() {
        return config;
    }

    @Override
    public TwoTowerModel train(Snapshot training) {
        if (training.numItems() != vectors.count()) {
            throw ValidationException.of("vectors", "item vectors cover " + vectors.count()
                    + " items but the snapshot has " + training.numItems());
        }
        long t0 = System.nanoTime();
        String name = config.hidden() == 0 ? "text-frozen" : "two-tower";
        int d = vectors.dim();
        int h = config.hidden();
        Adapter initial = h == 0 ? Adapter.identity(d) : Adapter.initial(d, h, config.activation(), config.seed());
        TwoTowerModel.LearningCurve curve = TwoTowerModel.LearningCurve.none();
        Adapter best = initial;
        if (h > 0 && config.maxEpochs() > 0) {
            Run run = new Run(training.interactions(), initial);
            best = run.fit();
            curve = run.curve();
        }
        Map<String, String> cfg = new java.util.LinkedHashMap<>(config.asMap());
        cfg.put("encoder", vectors.modelId());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Provenance p = new Provenance(name, cfg, config.seed(), training.fingerprint(), Instant.now(), millis);
        return new TwoTowerModel(name, vectors, best, config.historyLength(), config.recencyDecay(), curve, p);
    }

    /** One training run's state. */
    private final class Run {
        private final Interactions in;
        private final int d;
        private final int h;
        private final float[] x;
        private float[] params;
        private final int[] exTarget;
        private final int exCount;
        private final int[] validUsers;
        private final List<TwoTowerModel.Epoch> epochs = new ArrayList<>();
        private int bestIndex = -1;
        private int[] eventUser;
        private int[] itemsBuffer = new int[0];

        Run(Interactions all, Adapter initial) {
            this.in = all.filter((u, k) -> EventWeights.BINARY.weight(all.typeOrdinal(k), all.value(k)) > 0f);
            this.d = initial.dim();
            this.h = initial.hidden();
            this.x = vectors.raw();
            this.params = initial.parameters();
            SplittableRandom r = new SplittableRandom(config.seed() ^ 0x2545F4914F6CDD1DL);
            boolean[] isValid = new boolean[in.numUsers()];
            int[] valid = new int[in.numUsers()];
            int nValid = 0;
            for (int u = 0; u < in.numUsers(); u++) {
                if (in.count(u) >= 2 && r.nextDouble() < config.validationFraction()
                        && nValid < config.maxValidationUsers()) {
                    isValid[u] = true;
                    valid[nValid++] = u;
                }
            }
            validUsers = Arrays.copyOf(valid, nValid);
            // A pair is identified by the event index of its target; its history is the events before it.
            int[] ex = new int[in.size()];
            int n = 0;
            for (int u = 0; u < in.numUsers(); u++) {
                int end = isValid[u] ? in.end(u) - 1 : in.end(u);
                for (int k = in.start(u) + 1; k < end; k++) {
                    ex[n++] = k;
                }
            }
            exTarget = ex;
            exCount = n;
            if (exCount < config.batchSize()) {
                throw ValidationException.of("interactions", "two-tower training needs at least one batch of "
                        + config.batchSize() + " (history, next item) pairs; the snapshot gives " + exCount);
            }
        }

        Adapter fit() {
            int np = params.length;
            float[] grad = new float[np];
            double[] m = new double[np];
            double[] v = new double[np];
            int b = config.batchSize();
            int[] targets = new int[b];
            int[] histPtr = new int[b + 1];
            int[] histItems = new int[b * config.historyLength()];
            float[] histWeights = new float[histItems.length];
            BatchLoss loss = new BatchLoss(vectors.count(), d, h);
            float[] logQ = config.logQCorrection() ? logQ() : null;
            SplittableRandom shuffle = new SplittableRandom(config.seed());
            SplittableRandom drop = new SplittableRandom(config.seed() * 31 + 7);
            float[] bestParams = params.clone();
            double bestNdcg = Double.NEGATIVE_INFINITY;
            long step = 0;
            int weightEnd = h * d;
            int w2Start = h * d + h;
            int w2End = w2Start + d * h;
            long start = System.nanoTime();
            Validation v0 = validate();
            record(0, Double.NaN, v0, start);
            if (validUsers.length == 0) {
                bestNdcg = Double.POSITIVE_INFINITY;
            } else {
                bestNdcg = v0.ndcg;
                bestIndex = 0;
            }
            int sinceBest = 0;
            for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
                long t0 = System.nanoTime();
                shuffle(exTarget, exCount, shuffle);
                double lossSum = 0;
                int batches = 0;
                for (int from = 0; from + b <= exCount; from += b) {
                    fillBatch(from, b, targets, histPtr, histItems, histWeights);
                    Arrays.fill(grad, 0f);
                    lossSum += loss.lossAndGradient(params, config.activation(), x, b, targets, histPtr, histItems,
                            histWeights, config.temperature(), config.dropout(), drop, logQ, grad);
                    batches++;
                    step++;
                    double lr = config.learningRate() * Math.sqrt(1 - Math.pow(BETA2, step))
                            / (1 - Math.pow(BETA1, step));
                    float decay = 1f - config.learningRate() * config.weightDecay();
                    for (int p = 0; p < np; p++) {
                        double g = grad[p];
                        m[p] = BETA1 * m[p] + (1 - BETA1) * g;
                        v[p] = BETA2 * v[p] + (1 - BETA2) * g * g;
                        float w = params[p];
                        if (config.weightDecay() > 0 && (p < weightEnd || (p >= w2Start && p < w2End))) {
                            w *= decay;
                        }
                        params[p] = (float) (w - lr * m[p] / (Math.sqrt(v[p]) + EPS));
                    }
                }
                Validation val = validate();
                record(epoch, lossSum / Math.max(1, batches), val, t0);
                if (validUsers.length == 0) {
                    bestParams = params.clone();
                    bestIndex = epochs.size() - 1;
                    continue;
                }
                if (val.ndcg > bestNdcg) {
                    bestNdcg = val.ndcg;
                    bestParams = params.clone();
                    bestIndex = epochs.size() - 1;
                    sinceBest = 0;
                } else if (++sinceBest >= config.patience()) {
                    break;
                }
            }
            return new Adapter(d, h, config.activation(), bestParams);
        }

        /** Log of each item's share of the training targets (items never a target get the smallest share). */
        private float[] logQ() {
            int n = vectors.count();
            double[] count = new double[n];
            for (int i = 0; i < exCount; i++) {
                count[in.item(exTarget[i])]++;
            }
            float[] q = new float[n];
            for (int i = 0; i < n; i++) {
                q[i] = (float) Math.log(Math.max(count[i], 1) / exCount);
            }
            return q;
        }

        TwoTowerModel.LearningCurve curve() {
            return new TwoTowerModel.LearningCurve(epochs, bestIndex);
        }

        private void record(int epoch, double trainLoss, Validation v, long t0) {
            TwoTowerModel.Epoch e = new TwoTowerModel.Epoch(epoch, trainLoss, v.loss, v.recall, v.ndcg,
                    (System.nanoTime() - t0) / 1_000_000);
            epochs.add(e);
            listener.accept(e);
        }

        private void fillBatch(int from, int b, int[] targets, int[] histPtr, int[] histItems, float[] histWeights) {
            int n = 0;
            histPtr[0] = 0;
            for (int i = 0; i < b; i++) {
                int k = exTarget[from + i];
                targets[i] = in.item(k);
                int user = userOf(k);
                int lo = Math.max(in.start(user), k - config.historyLength());
                float w = 1f;
                for (int j = k - 1; j >= lo; j--) {
                    histItems[n] = in.item(j);
                    histWeights[n] = w;
                    w *= config.recencyDecay();
                    n++;
                }
                histPtr[i + 1] = n;
            }
        }

        private int userOf(int k) {
            if (eventUser == null) {
                eventUser = new int[in.size()];
                for (int u = 0; u < in.numUsers(); u++) {
                    Arrays.fill(eventUser, in.start(u), in.end(u), u);
                }
            }
            return eventUser[k];
        }

        /** Next-item ranking of the validation customers among all items, their history masked. */
        private Validation validate() {
            if (validUsers.length == 0) {
                return new Validation(Double.NaN, Double.NaN, Double.NaN);
            }
            Adapter current = new Adapter(d, h, config.activation(), params);
            float[] adapted = current.applyAll(vectors);
            int n = vectors.count();
            float[] q = new float[d];
            float[] scores = new float[n];
            double recall = 0;
            double ndcg = 0;
            double loss = 0;
            float invT = 1f / config.temperature();
            for (int u : validUsers) {
                int last = in.end(u) - 1;
                int target = in.item(last);
                if (!TwoTowerModel.query(adapted, d, itemsOf(u), null, 0, in.count(u) - 1,
                        config.historyLength(), config.recencyDecay(), q)) {
                    loss += Math.log(n);
                    continue;
                }
                TwoTowerModel.scoreAgainst(adapted, d, q, scores);
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    max = Math.max(max, scores[i] * invT);
                }
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += Math.exp(scores[i] * invT - max);
                }
                loss += max + Math.log(sum) - scores[target] * invT;
                maskHistory(u, last, target, scores);
                float t = scores[target];
                int rank = 0;
                for (int i = 0; i < n && rank < K; i++) {
                    if (scores[i] > t || (scores[i] == t && i < target)) {
                        rank++;
                    }
                }
                if (rank < K) {
                    recall += 1;
                    ndcg += 1 / (Math.log(rank + 2) / Math.log(2));
                }
            }
            int c = validUsers.length;
            return new Validation(loss / c, recall / c, ndcg / c);
        }

        private int[] itemsOf(int u) {
            int c = in.count(u);
            if (itemsBuffer.length < c) {
                itemsBuffer = new int[c * 2];
            }
            for (int k = 0; k < c; k++) {
                itemsBuffer[k] = in.item(in.start(u) + k);
            }
            return itemsBuffer;
        }

        private void maskHistory(int u, int last, int target, float[] scores) {
            for (int k = in.start(u); k < last; k++) {
                int item = in.item(k);
                if (item != target) {
                    scores[item] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }

    private record Validation(double loss, double recall, double ndcg) {
    }

    private static void shuffle(int[] a, int n, SplittableRandom r) {
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
