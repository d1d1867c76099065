// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.curves;

import dev.tailor.algorithms.factor.Epoch;
import java.util.List;
import java.util.Objects;

/**
 * One training run of one trainer inside an evaluated model: its epochs in order.
 *
 * @param model the model's label in the run
 * @param component the trainer's algorithm name ({@link Epoch#algorithm()}); a hybrid with two components of the
 *     same algorithm gets {@code als} and {@code als#2}
 * @param metric what the values measure ({@link Epoch#metric()})
 * @param epochs at least one, epoch numbers increasing
 */
public record Curve(String model, String component, String metric, List<Epoch> epochs) {
    public Curve {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(metric, "metric");
        epochs = List.copyOf(epochs);
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("a curve of " + model + " needs at least one epoch");
        }
        for (int e = 1; e < epochs.size(); e++) {
            if (epochs.get(e).epoch() <= epochs.get(e - 1).epoch()) {
                throw new IllegalArgumentException("epochs of " + model + " must increase, got "
                        + epochs.get(e - 1).epoch() + " then " + epochs.get(e).epoch());
            }
        }
    }

    /** Wall time of every epoch together. */
    public double seconds() {
        long nanos = 0;
        for (Epoch e : epochs) {
            nanos += e.nanos();
        }
        return nanos / 1e9;
    }

    /** The last value reported. */
    public double last() {
        return epochs.get(epochs.size() - 1).value();
    }
}
