// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.twotower;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the adapter and its training.
 *
 * @param hidden bottleneck width h of the adapter (0 = no adapter: the frozen encoder's own similarity)
 * @param activation {@link Adapter.Activation#RELU} for a bottleneck MLP, {@link Adapter.Activation#LINEAR} for a
 *     LoRA-style low-rank residual projection
 * @param temperature softmax temperature on cosine similarities (smaller = sharper)
 * @param dropout drop probability on the adapter's hidden units during training
 * @param learningRate Adam step size
 * @param weightDecay decoupled (AdamW) decay on the two weight matrices, per step
 * @param batchSize training pairs per step; the other pairs' target items are each pair's negatives
 * @param maxEpochs upper bound on passes over the training pairs
 * @param patience epochs without a better validation NDCG@20 before training stops
 * @param historyLength most recent items forming the customer vector
 * @param recencyDecay weight of an item k steps back in the history is {@code recencyDecay^k}
 * @param validationFraction share of customers whose last item is held out for early stopping
 * @param maxValidationUsers cap on validation customers (the validation ranking is over every item)
 * @param seed initialization, shuffling, dropout and validation choice
 * @param logQCorrection subtract each negative's log sampling probability from its training logit (see
 *     {@link BatchLoss}), so the model is not taught that popular items are unlikely
 */
public record TwoTowerConfig(int hidden, Adapter.Activation activation, float temperature, float dropout,
        float learningRate, float weightDecay, int batchSize, int maxEpochs, int patience, int historyLength,
        float recencyDecay, double validationFraction, int maxValidationUsers, long seed, boolean logQCorrection) {

    public TwoTowerConfig {
        List<Problem> p = new ArrayList<>();
        check(p, hidden >= 0, "hidden", "expected >= 0, got " + hidden);
        check(p, activation != null, "activation", "expected RELU or LINEAR");
        check(p, temperature > 0 && Float.isFinite(temperature), "temperature", "expected > 0, got " + temperature);
        check(p, dropout >= 0 && dropout < 1, "dropout", "expected in [0, 1), got " + dropout);
        check(p, learningRate > 0 && Float.isFinite(learningRate), "learningRate", "expected > 0, got "
                + learningRate);
        check(p, weightDecay >= 0 && weightDecay < 1, "weightDecay", "expected in [0, 1), got " + weightDecay);
        check(p, batchSize >= 2, "batchSize", "expected >= 2 (in-batch negatives), got " + batchSize);
        check(p, maxEpochs >= 0, "maxEpochs", "expected >= 0, got " + maxEpochs);
        check(p, patience >= 1, "patience", "expected >= 1, got " + patience);
        check(p, historyLength >= 1, "historyLength", "expected >= 1, got " + historyLength);
        check(p, recencyDecay > 0 && recencyDecay <= 1, "recencyDecay", "expected in (0, 1], got " + recencyDecay);
        check(p, validationFraction >= 0 && validationFraction < 1, "validationFraction",
                "expected in [0, 1), got " + validationFraction);
        check(p, maxValidationUsers >= 0, "maxValidationUsers", "expected >= 0, got " + maxValidationUsers);
        if (!p.isEmpty()) {
            throw new ValidationException(p);
        }
    }

    private static void check(List<Problem> problems, boolean ok, String field, String reason) {
        if (!ok) {
            problems.add(new Problem("two-tower config", 0, field, reason));
        }
    }

    /** Bottleneck 64, ReLU, temperature 0.05, dropout 0.1, Adam 1e-3, batch 256, up to 30 epochs, patience 3. */
    public static TwoTowerConfig defaults() {
        return new TwoTowerConfig(64, Adapter.Activation.RELU, 0.05f, 0.1f, 1e-3f, 0f, 256, 30, 3, 20, 0.8f, 0.1,
                1000, 42L, true);
    }

    /** The frozen encoder's own similarity: no adapter, nothing trained, same customer vector. */
    public static TwoTowerConfig frozen() {
        return defaults().withHidden(0).withMaxEpochs(0);
    }

    public TwoTowerConfig withHidden(int h) {
        return new TwoTowerConfig(h, activation, temperature, dropout, learningRate, weightDecay, batchSize,
                maxEpochs, patience, historyLength, recencyDecay, validationFraction, maxValidationUsers, seed, logQCorrection);
    }

    public TwoTowerConfig withActivation(Adapter.Activation a) {
        return new TwoTowerConfig(hidden, a, temperature, dropout, learningRate, weightDecay, batchSize,
                maxEpochs, patience, historyLength, recencyDecay, validationFraction, maxValidationUsers, seed, logQCorrection);
    }

    public TwoTowerConfig withTemperature(float t) {
        return new TwoTowerConfig(hidden, activation, t, dropout, learningRate, weightDecay, batchSize,
                maxEpochs, patience, historyLength, recencyDecay, validationFraction, maxValidationUsers, seed, logQCorrection);
    }

    public TwoTowerConfig withDropout(float d) {
        return new TwoTowerConfig(hidden, activation, temperature, d, learningRate, weightDecay, batchSize,
                maxEpochs, patience, historyLength, recencyDecay, validationFraction, maxValidationUsers, seed, logQCorrection);
    }

    public TwoTowerConfig withLearningRate(float lr) {
        return new TwoTowerConfig(hidden, activation, temperature, dropout, lr, weightDecay, batchSize,
                maxEpochs, patience, historyLength, recencyDecay, validationFraction, maxValidationUsers, seed, logQCorrection);
    }

    public TwoTowerConfig withBatchSize(int b) {
        return new TwoTowerConfig(hidden, activation, temperature, dropout, learningRate, weightDecay, b,
                maxEpochs, patience, historyLength, recencyDecay, validationFraction, maxValidationUsers, seed, logQCorrection);
    }

    public TwoTowerConfig withMaxEpochs(int e) {
        return new TwoTowerConfig(hidden, activation, temperature, dropout, learningRate, weightDecay, batchSize,
                e, patience, historyLength, recencyDecay, validationFraction, maxValidationUsers, seed, logQCorrection);
    }

    public TwoTowerConfig withPatience(int pat) {
        return new TwoTowerConfig(hidden, activation, temperature, dropout, learningRate, weightDecay, batchSize,
                maxEpochs, pat, historyLength, recencyDecay, validationFraction, maxValidationUsers, seed, logQCorrection);
    }

    public TwoTowerConfig withHistory(int length, float decay) {
        return new TwoTowerConfig(hidden, activation, temperature, dropout, learningRate, weightDecay, batchSize,
                maxEpochs, patience, length, decay, validationFraction, maxValidationUsers, seed, logQCorrection);
    }

    public TwoTowerConfig withValidation(double fraction, int maxUsers) {
        return new TwoTowerConfig(hidden, activation, temperature, dropout, learningRate, weightDecay, batchSize,
                maxEpochs, patience, historyLength, recencyDecay, fraction, maxUsers, seed, logQCorrection);
    }

    public TwoTowerConfig withWeightDecay(float wd) {
        return new TwoTowerConfig(hidden, activation, temperature, dropout, learningRate, wd, batchSize,
                maxEpochs, patience, historyLength, recencyDecay, validationFraction, maxValidationUsers, seed, logQCorrection);
    }

    public TwoTowerConfig withSeed(long s) {
        return new TwoTowerConfig(hidden, activation, temperature, dropout, learningRate, weightDecay, batchSize,
                maxEpochs, patience, historyLength, recencyDecay, validationFraction, maxValidationUsers, s, logQCorrection);
    }

    public TwoTowerConfig withLogQCorrection(boolean on) {
        return new TwoTowerConfig(hidden, activation, temperature, dropout, learningRate, weightDecay, batchSize,
                maxEpochs, patience, historyLength, recencyDecay, validationFraction, maxValidationUsers, seed, on);
    }

    /** For provenance and reports. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hidden", Integer.toString(hidden));
        m.put("activation", activation.name());
        m.put("temperature", Float.toString(temperature));
        m.put("dropout", Float.toString(dropout));
        m.put("learningRate", Float.toString(learningRate));
        m.put("weightDecay", Float.toString(weightDecay));
        m.put("batchSize", Integer.toString(batchSize));
        m.put("maxEpochs", Integer.toString(maxEpochs));
        m.put("patience", Integer.toString(patience));
        m.put("historyLength", Integer.toString(historyLength));
        m.put("recencyDecay", Float.toString(recencyDecay));
        m.put("validationFraction", Double.toString(validationFraction));
        m.put("maxValidationUsers", Integer.toString(maxValidationUsers));
        m.put("seed", Long.toString(seed));
        m.put("logQCorrection", Boolean.toString(logQCorrection));
        return m;
    }
}
