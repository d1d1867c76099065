// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

/**
 * Monthly demand multipliers (January first) for a category, normalized to average 1 over the year. The shapes follow
 * what Chinese retail calendars show: gardening in spring, sports and swimwear in summer, coats from October,
 * exam books before the spring and autumn terms and the December postgraduate exam, toys and gadgets as gifts
 * at year end (and toys again for Children's Day, June 1).
 */
enum Season {
    FLAT(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
    SPRING_GARDEN(0.5, 0.7, 1.7, 2.1, 1.8, 1.1, 0.9, 0.8, 0.9, 0.8, 0.4, 0.3),
    SUMMER_SPORTS(0.7, 0.7, 0.9, 1.0, 1.3, 1.6, 1.8, 1.6, 1.1, 0.8, 0.6, 0.6),
    SWIMMING(0.3, 0.3, 0.5, 0.8, 1.5, 2.3, 2.6, 2.2, 0.9, 0.3, 0.2, 0.2),
    SUMMER_WEAR(0.5, 0.6, 0.8, 1.1, 1.5, 1.8, 1.8, 1.5, 1.0, 0.6, 0.4, 0.4),
    WINTER_WEAR(1.8, 1.1, 0.6, 0.4, 0.3, 0.2, 0.2, 0.3, 0.7, 1.5, 2.4, 2.5),
    GIFTS(0.9, 1.1, 0.8, 0.8, 0.9, 1.1, 0.8, 0.8, 0.9, 1.0, 1.7, 2.2),
    TOYS(0.8, 1.0, 0.7, 0.7, 1.1, 1.6, 0.8, 0.8, 0.8, 0.9, 1.5, 2.3),
    EXAMS(0.9, 1.6, 1.5, 1.0, 0.7, 0.6, 0.8, 1.2, 1.5, 1.0, 0.9, 1.3),
    TEA(0.9, 1.2, 1.7, 1.9, 1.1, 0.7, 0.6, 0.7, 1.3, 1.0, 0.8, 1.1);

    private final double[] monthly;

    Season(double... monthly) {
        double mean = 0;
        for (double m : monthly) {
            mean += m / monthly.length;
        }
        this.monthly = new double[monthly.length];
        for (int i = 0; i < monthly.length; i++) {
            this.monthly[i] = monthly[i] / mean;
        }
    }

    /** Multiplier for a month, 1 = January. */
    double month(int month) {
        return monthly[month - 1];
    }
}
