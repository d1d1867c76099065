// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Base conversion probabilities of the shopping funnel, before the per-customer and per-item adjustments
 * documented in {@code docs/sample-shop.md} (favourite brand, deals, re-orders, festival days).
 *
 * @param click P(click | view): the customer opens an item they saw in a list
 * @param cart P(add-to-cart | click), for items in stock
 * @param purchase P(purchase | add-to-cart), decided at checkout at the end of the session
 * @param favorite P(favorite | click)
 */
public record FunnelRates(double click, double cart, double purchase, double favorite) {
    /**
     * 2.2% of views end in a purchase before adjustments (about 4% after them, as favourite brands and re-orders
     * convert better), in the range published for e-commerce.
     */
    public static final FunnelRates DEFAULT = new FunnelRates(0.22, 0.20, 0.50, 0.05);

    public FunnelRates {
        List<Problem> problems = new ArrayList<>();
        probability(problems, "funnel.click", click);
        probability(problems, "funnel.cart", cart);
        probability(problems, "funnel.purchase", purchase);
        probability(problems, "funnel.favorite", favorite);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** P(purchase | view) for an in-stock item without any adjustment. */
    public double viewToPurchase() {
        return click * cart * purchase;
    }

    static void probability(List<Problem> problems, String field, double p) {
        if (!(p >= 0 && p <= 1)) {
            problems.add(Problem.of(field, "expected a probability in [0, 1], was " + p));
        }
    }
}
