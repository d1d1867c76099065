// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.harness;

import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.Trainer;
import java.util.Objects;

/**
 * A model to evaluate: a trainer and the names reports use for it.
 *
 * @param label short, unique within a run (also the name of its output folder)
 * @param spec full configuration text
 * @param trainer what to train on the split's training part
 */
public record ModelSpec(String label, String spec, Trainer<? extends RecommenderModel> trainer) {
    public ModelSpec {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(trainer, "trainer");
    }

    /** From the algorithm registry's parsed spec. */
    public static ModelSpec of(TrainerSpec t) {
        return new ModelSpec(t.label(), t.spec(), t);
    }
}
