// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.registry;

import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.Trainer;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A trainer made from a spec string, remembering where it came from: reports label models with {@link #spec()}
 * and {@link #label()}.
 *
 * @param algorithm registry name
 * @param values every parameter, defaults filled in
 * @param given the parameters the spec set explicitly (canonical form), for short labels
 * @param trainer the configured trainer
 */
public record TrainerSpec(String algorithm, ParamValues values, Map<String, String> given,
        Trainer<? extends RecommenderModel> trainer) implements ListenableTrainer<RecommenderModel> {
    public TrainerSpec {
        given = Map.copyOf(given);
    }

    @Override
    public RecommenderModel train(Snapshot training) {
        return trainer.train(training);
    }

    /** Canonical spec with every parameter: {@code name:p1=v1,p2=v2,...}. */
    public String spec() {
        return values.toString();
    }

    /**
     * Short form with only the parameters given: {@code item-knn:k=50}, or just {@code pop}; a hybrid keeps its
     * components, {@code blend(0.7*ease,0.3*content)}.
     */
    public String label() {
        // The values' source is the algorithm name, or a hybrid's name with its components.
        String head = values.source();
        if (given.isEmpty()) {
            return head;
        }
        return values.asMap().entrySet().stream().filter(e -> given.containsKey(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",", head + ":", ""));
    }

    /**
     * The same spec whose trainer reports every epoch to {@code listener}, when it is iterative (or a hybrid
     * with iterative components); otherwise this spec. A spec is listenable itself because hybrids hold their
     * components as specs: they find their iterative parts through this.
     */
    @Override
    public TrainerSpec withListener(EpochListener listener) {
        return trainer instanceof ListenableTrainer<? extends RecommenderModel> l
                ? new TrainerSpec(algorithm, values, given, l.withListener(listener)) : this;
    }

    @Override
    public String toString() {
        return label();
    }
}
