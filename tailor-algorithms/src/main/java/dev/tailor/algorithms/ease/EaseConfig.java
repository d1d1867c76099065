// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.ease;

import dev.tailor.algorithms.common.Checks;
import dev.tailor.algorithms.common.Events;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.core.data.EventWeights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of EASE. Spec example: {@code ease:lambda=500}.
 *
 * <p>Memory: training holds the n x n Gram matrix in double (8 n^2 bytes) and then the n x n weight matrix in
 * float (4 n^2 bytes), so 12 n^2 bytes at the peak: 1.2 GB at 10,000 items, 4.8 GB at 20,000; the model keeps
 * the 4 n^2 bytes. Time grows as n^3 (about 1.5 s for 5,000 items, 90 s for 12,000 on two cores). Hence
 * {@code max-items}: a catalog larger than it is refused before any allocation.
 *
 * @param lambda L2 regularization added to the Gram matrix's diagonal, > 0
 * @param maxItems largest catalog accepted, in [1, {@value #HARD_MAX_ITEMS}]
 * @param recency in (0, 1]: at scoring time the context entry p steps before the latest counts recency^p
 *     (1 = order-blind); below 1 suits next-item tasks
 * @param events how event types weigh in the user x item matrix
 * @param threads training threads, 0 = all processors (results do not depend on it)
 */
public record EaseConfig(double lambda, int maxItems, double recency, EventWeights events, int threads) {
    public static final String NAME = "ease";
    /** The default catalog limit: 4.8 GB of heap at the training peak. */
    public static final int DEFAULT_MAX_ITEMS = 20_000;
    /** A Java array holds at most 2^31 - 1 elements, so n^2 must stay below it. */
    public static final int HARD_MAX_ITEMS = 46_340;

    public static final List<Param> PARAMS = List.of(
            Param.real("lambda", 500, 1, 20_000, true, "L2 regularization on the Gram matrix's diagonal"),
            Param.integer("max-items", DEFAULT_MAX_ITEMS, 1, HARD_MAX_ITEMS, false,
                    "largest catalog accepted (memory: 12 * items^2 bytes while training)").fixed(),
            Param.real("recency", 1, 0.2, 1, false, "context entry p steps before the latest counts recency^p"),
            Events.param("default"),
            Param.integer("threads", 0, 0, 0, false, "training threads, 0 = all processors").fixed());

    public EaseConfig {
        Checks checks = Checks.of(NAME).aboveAtMost("lambda", lambda, 0, Double.MAX_VALUE)
                .atLeast("max-items", maxItems, 1);
        if (maxItems > HARD_MAX_ITEMS) {
            checks.fail("max-items", "must be <= " + HARD_MAX_ITEMS + " (a dense items x items array), was "
                    + maxItems);
        }
        checks.aboveAtMost("recency", recency, 0, 1).notNull(Events.NAME, events).atLeast("threads", threads, 0).done();
    }

    public static EaseConfig defaults() {
        return from(ParamValues.defaults(NAME, PARAMS));
    }

    public static EaseConfig from(ParamValues p) {
        return new EaseConfig(p.real("lambda"), p.integer("max-items"), p.real("recency"),
                Events.parse(NAME, p.text(Events.NAME)), p.integer("threads"));
    }

    /** Spec parameters reproducing the model ({@code threads} and {@code max-items} cannot change it). */
    public Map<String, String> toParams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lambda", Param.formatReal(lambda));
        m.put("recency", Param.formatReal(recency));
        m.put(Events.NAME, Events.format(events));
        return m;
    }

    /** Peak training heap for a catalog of {@code items}: the double Gram plus the float weights. */
    public static long trainingBytes(int items) {
        return 12L * items * items;
    }
}
