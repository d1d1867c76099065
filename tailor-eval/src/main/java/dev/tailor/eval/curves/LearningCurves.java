// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.curves;

import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.Trainer;
import dev.tailor.eval.harness.ModelSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Records the epochs that the trainers of a run report, per model, in the order they arrive. Thread-safe: trainers
 * call their listener on their own training thread (the harness trains one model at a time, but a tuner or a
 * caller may train several at once), and {@link #curves()} may be read while training goes on.
 *
 * <p>Within one model, each algorithm and metric has its own current {@link Curve}; a new one starts when the
 * epoch number does not increase: that is how a hybrid's components, trained one after another, come apart.
 * A trainer may report several metrics per epoch (a sequential model gives its training loss and its
 * validation NDCG@10): each becomes a curve of its own.
 */
public final class LearningCurves {
    /** Guarded by {@code this}. */
    private final List<Builder> curves = new ArrayList<>();

    /** A listener that files every epoch under {@code model}; one per model. */
    public EpochListener listener(String model) {
        Objects.requireNonNull(model, "model");
        return new Recorder(model);
    }

    /**
     * The models with unique labels (a repeated label gets {@code #2}, {@code #3}, as the harness would name
     * it) whose iterative trainers report here under that label; other trainers are kept as they are.
     */
    public List<ModelSpec> attach(List<ModelSpec> models) {
        Set<String> taken = new HashSet<>();
        List<ModelSpec> out = new ArrayList<>(models.size());
        for (ModelSpec m : models) {
            String label = m.label();
            for (int n = 2; !taken.add(label); n++) {
                label = m.label() + "#" + n;
            }
            out.add(new ModelSpec(label, m.spec(), listen(m.trainer(), listener(label))));
        }
        return out;
    }

    private static Trainer<? extends RecommenderModel> listen(Trainer<? extends RecommenderModel> t,
            EpochListener listener) {
        return t instanceof ListenableTrainer<? extends RecommenderModel> l ? l.withListener(listener) : t;
    }

    /** Every curve so far, in the order each started. */
    public synchronized List<Curve> curves() {
        List<Curve> out = new ArrayList<>(curves.size());
        for (Builder b : curves) {
            out.add(new Curve(b.model, b.component, b.metric, b.epochs));
        }
        return List.copyOf(out);
    }

    public synchronized boolean isEmpty() {
        return curves.isEmpty();
    }

    private synchronized void record(Recorder r, Epoch e) {
        String key = e.algorithm() + '\n' + e.metric();
        Builder current = r.current.get(key);
        if (current == null || e.epoch() <= current.epochs.get(current.epochs.size() - 1).epoch()) {
            int same = 0;
            for (Builder b : curves) {
                if (b.model.equals(r.model) && b.algorithm.equals(e.algorithm()) && b.metric.equals(e.metric())) {
                    same++;
                }
            }
            String component = same == 0 ? e.algorithm() : e.algorithm() + "#" + (same + 1);
            current = new Builder(r.model, e.algorithm(), component, e.metric());
            curves.add(current);
            r.current.put(key, current);
        }
        current.epochs.add(e);
    }

    private final class Recorder implements EpochListener {
        private final String model;
        /** The curve this model's epochs of an algorithm and metric go to now; guarded by the collector. */
        private final Map<String, Builder> current = new HashMap<>();

        Recorder(String model) {
            this.model = model;
        }

        @Override
        public void onEpoch(Epoch epoch) {
            record(this, Objects.requireNonNull(epoch, "epoch"));
        }
    }

    private static final class Builder {
        final String model;
        final String algorithm;
        final String component;
        final String metric;
        final List<Epoch> epochs = new ArrayList<>();

        Builder(String model, String algorithm, String component, String metric) {
            this.model = model;
            this.algorithm = algorithm;
            this.component = component;
            this.metric = metric;
        }
    }
}
