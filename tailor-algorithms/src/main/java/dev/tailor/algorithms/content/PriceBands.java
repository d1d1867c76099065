// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.content;

/**
 * Price bands on the 1-2-5 series (..., 10-20, 20-50, 50-100, ...): roughly even steps in log price, which is
 * how shoppers perceive price, and round bounds that read well in an explanation ("price band 20-50").
 * Currencies are not converted: a band is a band within one shop.
 */
public final class PriceBands {
    private static final double[] MANTISSA = {1, 2, 5};

    private PriceBands() {
    }

    /** The band of a price, e.g. "20-50"; "0-1" below 1; empty for NaN, negative or infinite prices. */
    public static String band(float price) {
        if (!(price >= 0) || Float.isInfinite(price)) {
            return "";
        }
        if (price < 1) {
            return "0-1";
        }
        double decade = Math.pow(10, Math.floor(Math.log10(price)));
        // Guard the decade against log10 rounding (log10(1000) may land just below 3).
        if (decade * 10 <= price) {
            decade *= 10;
        } else if (decade > price) {
            decade /= 10;
        }
        int m = price >= 5 * decade ? 2 : price >= 2 * decade ? 1 : 0;
        double low = MANTISSA[m] * decade;
        double high = m == 2 ? 10 * decade : MANTISSA[m + 1] * decade;
        return format(low) + "-" + format(high);
    }

    private static String format(double d) {
        return d >= 1 ? Long.toString(Math.round(d)) : Double.toString(d);
    }
}
