// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import java.util.List;
import java.util.Map;

/**
 * A shopping festival on a fixed local date each year: traffic and conversion rise on the day and, less, during
 * the pre-sale days before it, and some root categories get an extra share of demand.
 *
 * @param name e.g. "Singles' Day"
 * @param month 1..12
 * @param day day of month
 * @param traffic sessions multiplier on the day
 * @param preSaleDays how many days before the festival count as pre-sale
 * @param preSaleTraffic sessions multiplier on pre-sale days
 * @param conversion multiplier on P(purchase | add-to-cart) on the day
 * @param categoryBoost root category to demand multiplier, on the day and pre-sale days
 */
public record Festival(String name, int month, int day, double traffic, int preSaleDays, double preSaleTraffic,
        double conversion, Map<String, Double> categoryBoost) {

    /** Singles' Day (11.11), the 618 mid-year sale (6.18) and Double 12 (12.12). */
    static final List<Festival> ALL = List.of(
            new Festival("Singles' Day", 11, 11, 3.5, 10, 1.4, 1.3,
                    Map.of("Electronics", 1.3, "Beauty", 1.5, "Baby & Kids", 1.3, "Fashion", 1.2)),
            new Festival("618", 6, 18, 2.0, 7, 1.2, 1.2, Map.of("Electronics", 1.3, "Home", 1.2)),
            new Festival("Double 12", 12, 12, 1.5, 0, 1.0, 1.1, Map.of("Beauty", 1.2)));

    public Festival {
        categoryBoost = Map.copyOf(categoryBoost);
    }
}
