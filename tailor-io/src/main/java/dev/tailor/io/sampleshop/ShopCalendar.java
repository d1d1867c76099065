// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Per-day tables of the simulated period, computed once and shared read-only by all workers: when sessions
 * happen (weekly rhythm, festivals, a growing shop) and how demand for each leaf shifts with the seasons.
 */
final class ShopCalendar {
    static final long DAY_MS = 86_400_000L;
    static final long HOUR_MS = 3_600_000L;
    /** Weekend traffic relative to weekdays. */
    static final double WEEKEND = 1.15;
    /** Traffic at the end of the period relative to its start: the shop grows during the year. */
    static final double GROWTH = 1.3;

    private final long start;
    private final long end;
    private final int days;
    private final long[] dayStart;
    private final int[] month;
    private final double[] trafficCumulative;
    private final float[] leafDemand;
    private final float[] conversion;
    private final int leaves;

    ShopCalendar(SampleShopConfig config) {
        start = config.start().toEpochMilli();
        end = config.end().toEpochMilli();
        long offset = config.zone().getTotalSeconds() * 1000L;
        long firstDay = Math.floorDiv(start + offset, DAY_MS);
        long lastDay = Math.floorDiv(end - 1 + offset, DAY_MS);
        days = (int) (lastDay - firstDay + 1);
        leaves = Taxonomy.LEAVES.size();
        dayStart = new long[days];
        month = new int[days];
        trafficCumulative = new double[days];
        leafDemand = new float[leaves * days];
        conversion = new float[days];
        double[] topBoost = new double[Taxonomy.TOPS.size()];
        double cumulative = 0;
        for (int d = 0; d < days; d++) {
            dayStart[d] = (firstDay + d) * DAY_MS - offset;
            LocalDate date = LocalDate.ofEpochDay(firstDay + d);
            month[d] = date.getMonthValue();
            double traffic = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
                    ? WEEKEND : 1.0;
            traffic *= 1.0 + (GROWTH - 1.0) * d / Math.max(1, days - 1);
            double conv = 1.0;
            Arrays.fill(topBoost, 1.0);
            for (Festival f : Festival.ALL) {
                LocalDate day = LocalDate.of(date.getYear(), f.month(), f.day());
                long before = day.toEpochDay() - date.toEpochDay();
                boolean onDay = before == 0;
                boolean preSale = before > 0 && before <= f.preSaleDays();
                if (onDay || preSale) {
                    traffic *= onDay ? f.traffic() : f.preSaleTraffic();
                    conv *= onDay ? f.conversion() : 1.0;
                    f.categoryBoost().forEach((top, boost) -> topBoost[Taxonomy.topIndex(top)] *= boost);
                }
            }
            cumulative += traffic;
            trafficCumulative[d] = cumulative;
            conversion[d] = (float) conv;
            for (LeafCategory leaf : Taxonomy.LEAVES) {
                leafDemand[leaf.index() * days + d] =
                        (float) (leaf.season().month(month[d]) * topBoost[leaf.topIndex()]);
            }
        }
    }

    int days() {
        return days;
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    /** Day index of an instant inside the period. */
    int dayOf(long epochMillis) {
        int lo = 0;
        int hi = days - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (dayStart[mid] <= epochMillis) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    int month(int day) {
        return month[day];
    }

    /** Seasonal and festival demand multiplier for a leaf on a day. */
    double demand(int leaf, int day) {
        return leafDemand[leaf * days + day];
    }

    /** Festival multiplier on P(purchase | cart) on a day. */
    double conversion(int day) {
        return conversion[day];
    }

    /** A day at or after {@code fromDay}, weighted by traffic. */
    int sampleDay(ShopRandom random, int fromDay) {
        double lo = fromDay == 0 ? 0 : trafficCumulative[fromDay - 1];
        double r = lo + random.nextDouble() * (trafficCumulative[days - 1] - lo);
        int a = fromDay;
        int b = days - 1;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (trafficCumulative[mid] > r) {
                b = mid;
            } else {
                a = mid + 1;
            }
        }
        return a;
    }

    /**
     * A session start in [{@code notBefore}, end): a traffic-weighted day, then an hour from the segment's daily
     * rhythm. The first and last days may be partial, so out-of-range draws are retried, then clamped.
     */
    long sampleTime(ShopRandom random, long notBefore, double[] hourCumulative) {
        int from = dayOf(Math.max(notBefore, start));
        for (int attempt = 0; attempt < 8; attempt++) {
            int d = sampleDay(random, from);
            int hour = random.pickCumulative(hourCumulative, 0, 24);
            long t = dayStart[d] + hour * HOUR_MS + random.nextInt((int) HOUR_MS);
            if (t >= notBefore && t >= start && t < end) {
                return t;
            }
        }
        long lo = Math.max(notBefore, start);
        return lo + (long) (random.nextDouble() * (end - lo));
    }
}
