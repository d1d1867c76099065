// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.als;

import dev.tailor.algorithms.common.Checks;
import dev.tailor.algorithms.common.Events;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.core.data.EventWeights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of implicit-feedback ALS. Spec example: {@code als:rank=64,iterations=15,reg=30,alpha=5}.
 *
 * <p>{@code reg} is the plain lambda of Hu et al., not scaled by row counts, so good values are larger than
 * libraries that scale it suggest: on MovieLens 100K and Amazon Beauty the validation optimum lies around
 * 10-40 with alpha 3-15 (the defaults, reg 30 and alpha 5, are from those runs).
 *
 * @param rank latent dimensions, in [1, 1024]
 * @param iterations alternating sweeps (users then items), >= 1
 * @param reg L2 regularization lambda on both factor tables, >= 0
 * @param alpha confidence slope: an observed pair of weight w has confidence {@code 1 + alpha * w}, >= 0
 * @param cgSteps conjugate-gradient steps per row and sweep (solver cg), >= 1
 * @param exact solve each row's normal equations exactly by Cholesky instead of by conjugate gradient (slower;
 *     for comparisons)
 * @param lowRank rows with at most this many nonzeros are solved exactly by the Woodbury identity
 *     ({@link LowRank}) when the sweep's cost estimate says it pays; 0 = never, in [0, {@value #MAX_LOW_RANK}]
 * @param recency in (0, 1]: at scoring time the context entry p steps before the latest counts recency^p of its
 *     weight, and every user is folded in from the context (1 = order-blind, trained factors for unchanged
 *     users); below 1 suits next-item tasks, where the latest events say most
 * @param seed seed of the random initial factors
 * @param events how event types weigh in the user x item matrix (a purchase counts more than a view)
 * @param threads training threads, 0 = all processors (results do not depend on it)
 */
public record AlsConfig(int rank, int iterations, double reg, double alpha, int cgSteps, boolean exact,
        int lowRank, double recency, long seed, EventWeights events, int threads) {
    public static final String NAME = "als";
    /** Above this the k x k normal equations (k^2 per row and step) dominate any sensible budget. */
    public static final int MAX_RANK = 1024;
    /**
     * Longest row the low-rank solve takes: its n x n system grows as n^3, and beyond a few dozen nonzeros CG's
     * k x k products are cheaper at any rank worth training (the trainer also stops at its cost estimate).
     */
    public static final int MAX_LOW_RANK = 256;
    /**
     * Default of {@code lowrank}: above the cost model's crossover with 3-step CG at rank 64 (27 nonzeros), so
     * the model decides there; on a 1M x 100K power-law matrix (about 5 events a user) 16 and 32 train equally
     * fast, both about twice as fast as 0.
     */
    public static final int DEFAULT_LOW_RANK = 32;

    public static final List<Param> PARAMS = List.of(
            Param.integer("rank", 64, 16, 256, true, "latent dimensions"),
            Param.integer("iterations", 15, 5, 30, false, "alternating sweeps over users and items"),
            Param.real("reg", 30, 1e-3, 100, true, "L2 regularization of the factors"),
            Param.real("alpha", 5, 0.5, 100, true, "confidence of an observed pair: 1 + alpha * weight"),
            Param.integer("cg-steps", 3, 2, 6, false, "conjugate-gradient steps per row and sweep"),
            Param.real("recency", 1, 0.2, 1, false, "context entry p steps before the latest counts recency^p"),
            Param.choice("solver", "cg", List.of("cg", "cholesky"),
                    "cg (Takacs et al. 2011, fast) or cholesky (exact per-row solve)").fixed(),
            Param.integer("lowrank", DEFAULT_LOW_RANK, 0, 0, false,
                    "rows with at most this many events are solved exactly by the Woodbury identity, 0 = never")
                    .fixed(),
            Param.integer("seed", 42, 0, 0, false, "seed of the random initial factors").fixed(),
            Events.param("default"),
            Param.integer("threads", 0, 0, 0, false, "training threads, 0 = all processors").fixed());

    /** A config with the default {@code lowrank}. */
    public AlsConfig(int rank, int iterations, double reg, double alpha, int cgSteps, boolean exact, double recency,
            long seed, EventWeights events, int threads) {
        this(rank, iterations, reg, alpha, cgSteps, exact, DEFAULT_LOW_RANK, recency, seed, events, threads);
    }

    public AlsConfig {
        Checks checks = Checks.of(NAME).atLeast("rank", rank, 1);
        if (rank > MAX_RANK) {
            checks.fail("rank", "must be <= " + MAX_RANK + ", was " + rank);
        }
        if (lowRank > MAX_LOW_RANK) {
            checks.fail("lowrank", "must be <= " + MAX_LOW_RANK + " (the longest row worth a dense n x n solve),"
                    + " was " + lowRank);
        }
        checks.atLeast("iterations", iterations, 1)
                .atLeast("reg", reg, 0)
                .atLeast("alpha", alpha, 0)
                .atLeast("cg-steps", cgSteps, 1)
                .atLeast("lowrank", lowRank, 0)
                .aboveAtMost("recency", recency, 0, 1)
                .notNull(Events.NAME, events)
                .atLeast("threads", threads, 0)
                .done();
    }

    public static AlsConfig defaults() {
        return from(ParamValues.defaults(NAME, PARAMS));
    }

    public static AlsConfig from(ParamValues p) {
        return new AlsConfig(p.integer("rank"), p.integer("iterations"), p.real("reg"), p.real("alpha"),
                p.integer("cg-steps"), p.text("solver").equals("cholesky"), p.integer("lowrank"), p.real("recency"),
                p.integer("seed"),
                Events.parse(NAME, p.text(Events.NAME)), p.integer("threads"));
    }

    /** Spec parameters reproducing this config; {@code threads} is left out as it cannot change the model. */
    public Map<String, String> toParams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rank", Integer.toString(rank));
        m.put("iterations", Integer.toString(iterations));
        m.put("reg", Param.formatReal(reg));
        m.put("alpha", Param.formatReal(alpha));
        m.put("cg-steps", Integer.toString(cgSteps));
        m.put("recency", Param.formatReal(recency));
        m.put("solver", exact ? "cholesky" : "cg");
        m.put("lowrank", Integer.toString(lowRank));
        m.put("seed", Long.toString(seed));
        m.put(Events.NAME, Events.format(events));
        return m;
    }

    public AlsConfig withIterations(int n) {
        return new AlsConfig(rank, n, reg, alpha, cgSteps, exact, lowRank, recency, seed, events, threads);
    }

    public AlsConfig withThreads(int n) {
        return new AlsConfig(rank, iterations, reg, alpha, cgSteps, exact, lowRank, recency, seed, events, n);
    }

    public AlsConfig withRank(int n) {
        return new AlsConfig(n, iterations, reg, alpha, cgSteps, exact, lowRank, recency, seed, events, threads);
    }

    public AlsConfig withLowRank(int n) {
        return new AlsConfig(rank, iterations, reg, alpha, cgSteps, exact, n, recency, seed, events, threads);
    }
}
