// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.train;

import dev.tailor.core.data.EventWeights;
import dev.tailor.core.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a next-item model is trained (the architecture has its own config).
 *
 * @param maxLength N: only the newest N items of a sequence are the model's input (training and serving)
 * @param batchSize sequences per Adam step
 * @param maxEpochs upper bound on epochs
 * @param patience stop after this many epochs without a better validation NDCG@10 (the best epoch's weights
 *     are kept)
 * @param learningRate Adam step size
 * @param negatives 0: full softmax over all items; otherwise sampled softmax with this many uniform negatives
 *     shared by the whole mini-batch (cross-entropy over target + negatives; Klenitskiy &amp; Vasilev 2023)
 * @param validationUsers at most this many users are ranked for validation each epoch (seeded sample); 0 = no
 *     validation: exactly {@code maxEpochs} epochs, the last kept
 * @param threads worker threads, 0 = all processors
 * @param seed seed for initialization, order, dropout and sampling
 * @param collapseRepeats count back-to-back repeats of an item once
 * @param events which events count as behaviour (weight &gt; 0)
 */
public record TrainConfig(int maxLength, int batchSize, int maxEpochs, int patience, float learningRate,
        int negatives, int validationUsers, int threads, long seed, boolean collapseRepeats, EventWeights events) {
    public TrainConfig {
        positive("max-length", maxLength);
        positive("batch-size", batchSize);
        positive("epochs", maxEpochs);
        positive("patience", patience);
        if (!(learningRate > 0f) || !Float.isFinite(learningRate)) {
            throw ValidationException.of("lr", "expected a learning rate > 0, got " + learningRate);
        }
        if (negatives < 0) {
            throw ValidationException.of("negatives", "expected >= 0 (0 = full softmax), got " + negatives);
        }
        if (validationUsers < 0) {
            throw ValidationException.of("validation-users", "expected >= 0, got " + validationUsers);
        }
        if (threads < 0) {
            throw ValidationException.of("threads", "expected >= 0 (0 = all processors), got " + threads);
        }
        Objects.requireNonNull(events, "events");
    }

    /** N = 50, batch 128, up to 200 epochs with patience 5, lr 0.001, 1024 negatives, 10,000 validation users. */
    public static TrainConfig defaults() {
        return new TrainConfig(50, 128, 200, 5, 1e-3f, 1024, 10_000, 0, 42L, true, EventWeights.BINARY);
    }

    public TrainConfig withMaxLength(int n) {
        return new TrainConfig(n, batchSize, maxEpochs, patience, learningRate, negatives, validationUsers, threads,
                seed, collapseRepeats, events);
    }

    public TrainConfig withEpochs(int max, int newPatience) {
        return new TrainConfig(maxLength, batchSize, max, newPatience, learningRate, negatives, validationUsers,
                threads, seed, collapseRepeats, events);
    }

    public TrainConfig withLearningRate(float lr) {
        return new TrainConfig(maxLength, batchSize, maxEpochs, patience, lr, negatives, validationUsers, threads,
                seed, collapseRepeats, events);
    }

    public TrainConfig withBatchSize(int b) {
        return new TrainConfig(maxLength, b, maxEpochs, patience, learningRate, negatives, validationUsers, threads,
                seed, collapseRepeats, events);
    }

    public TrainConfig withNegatives(int k) {
        return new TrainConfig(maxLength, batchSize, maxEpochs, patience, learningRate, k, validationUsers, threads,
                seed, collapseRepeats, events);
    }

    public TrainConfig withThreads(int n) {
        return new TrainConfig(maxLength, batchSize, maxEpochs, patience, learningRate, negatives, validationUsers, n,
                seed, collapseRepeats, events);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(maxLength, batchSize, maxEpochs, patience, learningRate, negatives, validationUsers,
                threads, s, collapseRepeats, events);
    }

    public TrainConfig withValidationUsers(int n) {
        return new TrainConfig(maxLength, batchSize, maxEpochs, patience, learningRate, negatives, n, threads, seed,
                collapseRepeats, events);
    }

    /** Settings as text, for provenance. */
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("max-length", Integer.toString(maxLength));
        m.put("batch-size", Integer.toString(batchSize));
        m.put("epochs", Integer.toString(maxEpochs));
        m.put("patience", Integer.toString(patience));
        m.put("lr", Float.toString(learningRate));
        m.put("negatives", negatives == 0 ? "full" : Integer.toString(negatives));
        m.put("validation-users", Integer.toString(validationUsers));
        m.put("collapse-repeats", Boolean.toString(collapseRepeats));
        return m;
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw ValidationException.of(name, "expected >= 1, got " + v);
        }
    }
}
