// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.registry;

import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.Trainer;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything the registry knows about one algorithm.
 *
 * @param name spec name ("item-knn")
 * @param description one line for --help
 * @param params parameters a spec may set, with defaults and search ranges
 * @param trainers builds a trainer from checked parameter values (the config record validates ranges)
 * @param reader reads a saved model's payload
 */
public record AlgorithmInfo(String name, String description, List<Param> params,
        Function<ParamValues, Trainer<? extends RecommenderModel>> trainers, ModelReader reader) {
    public AlgorithmInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        params = List.copyOf(params);
        Objects.requireNonNull(trainers, "trainers");
        Objects.requireNonNull(reader, "reader");
    }

    /** The parameters worth searching over (thread counts and event presets are not). */
    public List<Param> searchSpace() {
        return params.stream().filter(Param::tunable).toList();
    }
}
