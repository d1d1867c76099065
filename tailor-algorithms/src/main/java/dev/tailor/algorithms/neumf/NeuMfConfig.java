// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.neumf;

import dev.tailor.algorithms.common.Checks;
import dev.tailor.algorithms.common.Events;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.core.data.EventWeights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of NeuMF. Spec example: {@code neumf:factors=16,mlp-dim=32,layers=2,negatives=4,epochs=20}.
 *
 * @param factors embedding size of the GMF tower, in [1, 512]
 * @param mlpDim embedding size of the MLP tower; the first hidden layer has this width and each further one
 *     half the previous, in [2, 512]
 * @param layers hidden layers of the MLP tower, in [1, 4], with {@code mlpDim >> (layers - 1) >= 1}
 * @param negatives sampled negative items per positive pair, >= 1
 * @param epochs passes over the positive pairs, >= 1
 * @param learningRate Adagrad step size, > 0
 * @param reg L2 regularization of the embeddings, >= 0
 * @param seed seed of initialization and sampling
 * @param events which events count as positives
 * @param threads 1 for a deterministic run; more run lock-free Hogwild updates; 0 = all processors
 */
public record NeuMfConfig(int factors, int mlpDim, int layers, int negatives, int epochs, double learningRate,
        double reg, long seed, EventWeights events, int threads) {
    public static final String NAME = "neumf";

    public static final List<Param> PARAMS = List.of(
            Param.integer("factors", 16, 8, 64, true, "GMF embedding size"),
            Param.integer("mlp-dim", 32, 8, 128, true, "MLP embedding size and first hidden width"),
            Param.integer("layers", 2, 1, 3, false, "MLP hidden layers, each half as wide as the one before"),
            Param.integer("negatives", 4, 1, 8, false, "sampled negatives per positive"),
            Param.integer("epochs", 20, 5, 50, false, "passes over the positive pairs"),
            Param.real("lr", 0.05, 0.005, 0.3, true, "Adagrad learning rate"),
            Param.real("reg", 1e-5, 1e-7, 1e-2, true, "L2 regularization of the embeddings"),
            Param.integer("seed", 42, 0, 0, false, "seed of initialization and sampling").fixed(),
            Events.param("default"),
            Param.integer("threads", 1, 0, 0, false, "1 = deterministic; more = Hogwild; 0 = all processors")
                    .fixed());

    public NeuMfConfig {
        Checks checks = Checks.of(NAME).between("factors", factors, 1, 512).between("mlp-dim", mlpDim, 2, 512)
                .between("layers", layers, 1, 4);
        if (layers >= 1 && layers <= 4 && mlpDim >= 2 && (mlpDim >> (layers - 1)) < 1) {
            checks.fail("layers", "mlp-dim " + mlpDim + " is too small for " + layers + " halving layers");
        }
        checks.atLeast("negatives", negatives, 1)
                .atLeast("epochs", epochs, 1)
                .aboveAtMost("lr", learningRate, 0, 10)
                .atLeast("reg", reg, 0)
                .notNull(Events.NAME, events)
                .atLeast("threads", threads, 0)
                .done();
    }

    public static NeuMfConfig defaults() {
        return from(ParamValues.defaults(NAME, PARAMS));
    }

    public static NeuMfConfig from(ParamValues p) {
        return new NeuMfConfig(p.integer("factors"), p.integer("mlp-dim"), p.integer("layers"),
                p.integer("negatives"), p.integer("epochs"), p.real("lr"), p.real("reg"), p.integer("seed"),
                Events.parse(NAME, p.text(Events.NAME)), p.integer("threads"));
    }

    /** Widths of the hidden layers: mlpDim, mlpDim / 2, ... */
    public int[] hiddenWidths() {
        int[] w = new int[layers];
        for (int l = 0; l < layers; l++) {
            w[l] = mlpDim >> l;
        }
        return w;
    }

    /** Spec parameters reproducing this config (threads included: beyond 1 they change the result). */
    public Map<String, String> toParams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("factors", Integer.toString(factors));
        m.put("mlp-dim", Integer.toString(mlpDim));
        m.put("layers", Integer.toString(layers));
        m.put("negatives", Integer.toString(negatives));
        m.put("epochs", Integer.toString(epochs));
        m.put("lr", Param.formatReal(learningRate));
        m.put("reg", Param.formatReal(reg));
        m.put("seed", Long.toString(seed));
        m.put(Events.NAME, Events.format(events));
        m.put("threads", Integer.toString(threads));
        return m;
    }
}
