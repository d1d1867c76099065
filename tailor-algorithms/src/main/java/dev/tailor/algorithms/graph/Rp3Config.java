// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.graph;

import dev.tailor.algorithms.common.Checks;
import dev.tailor.algorithms.common.Events;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.core.data.EventWeights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of RP3beta. Spec example: {@code rp3beta:k=100,alpha=0.8,beta=0.4,recency=0.6}.
 *
 * <p>The item-item weight is {@code W[i][j] = sum over users u of P(i -> u)^alpha * P(u -> j)^alpha / pop(j)^beta}
 * (i != j): the probability that a random walk from item i reaches item j in two steps through a user, sharpened
 * by alpha and divided by j's popularity (its number of distinct users) to the power beta. Beta 0 is the plain
 * P^3alpha walk (Cooper et al. 2014), which favours popular items.
 *
 * @param k neighbours kept per item, >= 1
 * @param alpha exponent of the transition probabilities, > 0 (1 = the plain walk)
 * @param beta popularity penalty in [0, 1]
 * @param exponent kept weights are raised to this power, > 0 (Aiolli's locality q, as in item-kNN; 1 = off):
 *     above 1 the strongest links dominate a history's sum
 * @param normalize scale each item's kept weights to sum to 1 (after the exponent)
 * @param recency in (0, 1]: at scoring time the history entry p steps before the latest counts recency^p
 *     (1 = order-blind)
 * @param events how event types weigh in the user x item matrix; the walk's steps follow these weights
 * @param threads training threads, 0 = all processors (results do not depend on it)
 */
public record Rp3Config(int k, double alpha, double beta, double exponent, boolean normalize, double recency,
        EventWeights events, int threads) {
    public static final String NAME = "rp3beta";

    public static final List<Param> PARAMS = List.of(
            Param.integer("k", 200, 5, 2000, true, "neighbours kept per item"),
            Param.real("alpha", 1, 0.1, 2, false, "exponent of the walk's transition probabilities"),
            Param.real("beta", 0.5, 0, 1, false, "popularity penalty: weights divided by popularity^beta"),
            Param.real("exponent", 1, 0.5, 3, false, "kept weights raised to this power"),
            Param.bool("normalize", false, "scale each item's kept weights to sum to 1"),
            Param.real("recency", 1, 0.2, 1, false, "history entry p steps before the latest counts recency^p"),
            Events.param("default"),
            Param.integer("threads", 0, 0, 0, false, "training threads, 0 = all processors").fixed());

    public Rp3Config {
        Checks.of(NAME)
                .atLeast("k", k, 1)
                .aboveAtMost("alpha", alpha, 0, 100)
                .between("beta", beta, 0, 1)
                .aboveAtMost("exponent", exponent, 0, 100)
                .aboveAtMost("recency", recency, 0, 1)
                .notNull(Events.NAME, events)
                .atLeast("threads", threads, 0)
                .done();
    }

    public static Rp3Config defaults() {
        return from(ParamValues.defaults(NAME, PARAMS));
    }

    public static Rp3Config from(ParamValues p) {
        return new Rp3Config(p.integer("k"), p.real("alpha"), p.real("beta"), p.real("exponent"), p.bool("normalize"),
                p.real("recency"), Events.parse(NAME, p.text(Events.NAME)), p.integer("threads"));
    }

    /** Spec parameters reproducing this config; {@code threads} is left out as it cannot change the model. */
    public Map<String, String> toParams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("k", Integer.toString(k));
        m.put("alpha", Param.formatReal(alpha));
        m.put("beta", Param.formatReal(beta));
        m.put("exponent", Param.formatReal(exponent));
        m.put("normalize", Boolean.toString(normalize));
        m.put("recency", Param.formatReal(recency));
        m.put(Events.NAME, Events.format(events));
        return m;
    }

    public Rp3Config withThreads(int n) {
        return new Rp3Config(k, alpha, beta, exponent, normalize, recency, events, n);
    }
}
