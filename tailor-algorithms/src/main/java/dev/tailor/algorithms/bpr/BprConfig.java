// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.bpr;

import dev.tailor.algorithms.common.Checks;
import dev.tailor.algorithms.common.Events;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.core.data.EventWeights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of BPR-MF. Spec example: {@code bpr:rank=64,epochs=50,lr=0.05,reg=0.01}.
 *
 * @param rank latent dimensions, in [1, 1024]
 * @param epochs passes, each drawing as many (user, positive, negative) triples as there are positive pairs
 * @param learningRate SGD step size, > 0
 * @param reg L2 regularization of factors and biases, >= 0
 * @param bias whether items get a learned bias (captures popularity; the {@code implicit} library's choice)
 * @param seed seed of the initial factors and of the sampling
 * @param events which events count as positives (any pair with a positive weight; the weight itself is unused)
 * @param threads 1 for a deterministic run; more run lock-free Hogwild SGD (Recht et al. 2011), whose result
 *     varies from run to run in the last digits; 0 = all processors
 */
public record BprConfig(int rank, int epochs, double learningRate, double reg, boolean bias, long seed,
        EventWeights events, int threads) {
    public static final String NAME = "bpr";
    public static final int MAX_RANK = 1024;

    public static final List<Param> PARAMS = List.of(
            Param.integer("rank", 64, 16, 256, true, "latent dimensions"),
            Param.integer("epochs", 50, 10, 200, true, "passes of nnz sampled triples each"),
            Param.real("lr", 0.05, 0.005, 0.2, true, "SGD learning rate"),
            Param.real("reg", 0.01, 1e-4, 0.1, true, "L2 regularization"),
            Param.bool("bias", true, "learn an item bias"),
            Param.integer("seed", 42, 0, 0, false, "seed of initialization and sampling").fixed(),
            Events.param("default"),
            Param.integer("threads", 1, 0, 0, false, "1 = deterministic; more = Hogwild SGD; 0 = all processors")
                    .fixed());

    public BprConfig {
        Checks checks = Checks.of(NAME).atLeast("rank", rank, 1);
        if (rank > MAX_RANK) {
            checks.fail("rank", "must be <= " + MAX_RANK + ", was " + rank);
        }
        checks.atLeast("epochs", epochs, 1)
                .aboveAtMost("lr", learningRate, 0, 10)
                .atLeast("reg", reg, 0)
                .notNull(Events.NAME, events)
                .atLeast("threads", threads, 0)
                .done();
    }

    public static BprConfig defaults() {
        return from(ParamValues.defaults(NAME, PARAMS));
    }

    public static BprConfig from(ParamValues p) {
        return new BprConfig(p.integer("rank"), p.integer("epochs"), p.real("lr"), p.real("reg"), p.bool("bias"),
                p.integer("seed"), Events.parse(NAME, p.text(Events.NAME)), p.integer("threads"));
    }

    /** Spec parameters reproducing this config (threads included: beyond 1 they change the result). */
    public Map<String, String> toParams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rank", Integer.toString(rank));
        m.put("epochs", Integer.toString(epochs));
        m.put("lr", Param.formatReal(learningRate));
        m.put("reg", Param.formatReal(reg));
        m.put("bias", Boolean.toString(bias));
        m.put("seed", Long.toString(seed));
        m.put(Events.NAME, Events.format(events));
        m.put("threads", Integer.toString(threads));
        return m;
    }

    public BprConfig withThreads(int n) {
        return new BprConfig(rank, epochs, learningRate, reg, bias, seed, events, n);
    }

    public BprConfig withEpochs(int n) {
        return new BprConfig(rank, n, learningRate, reg, bias, seed, events, threads);
    }
}
