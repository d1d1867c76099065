// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.pmf;

import dev.tailor.algorithms.common.Checks;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of probabilistic matrix factorization for explicit ratings. Spec example:
 * {@code pmf:rank=32,epochs=40,lr=0.01,reg=0.05}.
 *
 * @param rank latent dimensions, in [1, 1024]
 * @param epochs passes over the ratings, >= 1
 * @param learningRate SGD step size, > 0
 * @param reg L2 regularization of the factors (the Gaussian priors' precision ratio), >= 0
 * @param biasReg L2 regularization of the user and item biases, >= 0
 * @param seed seed of the initial factors and of the shuffling
 * @param threads 1 for a deterministic run; more run lock-free Hogwild SGD; 0 = all processors
 */
public record PmfConfig(int rank, int epochs, double learningRate, double reg, double biasReg, long seed,
        int threads) {
    public static final String NAME = "pmf";
    public static final int MAX_RANK = 1024;

    public static final List<Param> PARAMS = List.of(
            Param.integer("rank", 32, 4, 256, true, "latent dimensions"),
            Param.integer("epochs", 40, 10, 200, true, "passes over the ratings"),
            Param.real("lr", 0.01, 0.001, 0.1, true, "SGD learning rate"),
            Param.real("reg", 0.05, 1e-3, 1, true, "L2 regularization of the factors"),
            Param.real("bias-reg", 0.01, 1e-4, 1, true, "L2 regularization of the biases"),
            Param.integer("seed", 42, 0, 0, false, "seed of initialization and shuffling").fixed(),
            Param.integer("threads", 1, 0, 0, false, "1 = deterministic; more = Hogwild SGD; 0 = all processors")
                    .fixed());

    public PmfConfig {
        Checks checks = Checks.of(NAME).atLeast("rank", rank, 1);
        if (rank > MAX_RANK) {
            checks.fail("rank", "must be <= " + MAX_RANK + ", was " + rank);
        }
        checks.atLeast("epochs", epochs, 1)
                .aboveAtMost("lr", learningRate, 0, 10)
                .atLeast("reg", reg, 0)
                .atLeast("bias-reg", biasReg, 0)
                .atLeast("threads", threads, 0)
                .done();
    }

    public static PmfConfig defaults() {
        return from(ParamValues.defaults(NAME, PARAMS));
    }

    public static PmfConfig from(ParamValues p) {
        return new PmfConfig(p.integer("rank"), p.integer("epochs"), p.real("lr"), p.real("reg"),
                p.real("bias-reg"), p.integer("seed"), p.integer("threads"));
    }

    /** Spec parameters reproducing this config (threads included: beyond 1 they change the result). */
    public Map<String, String> toParams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rank", Integer.toString(rank));
        m.put("epochs", Integer.toString(epochs));
        m.put("lr", Param.formatReal(learningRate));
        m.put("reg", Param.formatReal(reg));
        m.put("bias-reg", Param.formatReal(biasReg));
        m.put("seed", Long.toString(seed));
        m.put("threads", Integer.toString(threads));
        return m;
    }
}
