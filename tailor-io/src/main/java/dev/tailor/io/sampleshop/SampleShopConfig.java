// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that determines the sample shop's content. Two runs with equal configs produce byte-identical
 * output, whatever the thread count. Build one with {@link #builder()}; {@link #defaults()} is the demo shop
 * (2,000 items, 5,000 customers, about 300,000 events, a few seconds to generate).
 *
 * @param items catalog size, 1..{@value #MAX_ITEMS}; held in memory
 * @param customers number of customers, 1..{@value #MAX_CUSTOMERS}; streamed
 * @param seed the random seed
 * @param start first instant of the simulated period (inclusive)
 * @param end last instant of the simulated period (exclusive); a fixed date, never "now", so output is stable
 * @param zone the shop's local time zone: days, hours and festivals are local
 * @param meanSessionsPerCustomer mean sessions per customer over the whole period, before segment activity
 *        and late sign-up; each session yields about 7.5 events with the default funnel
 * @param sessionSpread sigma of the log-normal number of sessions: the heavy tail of very active customers
 * @param maxSessionsPerCustomer hard cap, so that one customer's events always fit in memory
 * @param meanViewsPerSession mean item views per session (at least 1)
 * @param funnel conversion probabilities
 * @param searchRate share of sessions that start with a search query (before segment habits)
 * @param complementRate P(a session within {@code complementWindowDays} after a purchase in a leaf with
 *        complements is about a complementary leaf); one of the next three sessions at most
 * @param complementWindowDays how long a purchase keeps pulling the customer to complements
 * @param sameSessionComplementRate P(after an add-to-cart, the rest of the session browses a complement)
 * @param repurchaseRate P(a session after a consumable's re-purchase interval is a re-order of it)
 * @param zipfExponent s in popularity ~ 1 / rank^s within a leaf category
 * @param outOfStockRate share of items not available (viewed, never carted)
 * @param newItemRate share of items listed during the simulated period rather than before it
 * @param chineseTitleRate share of items whose primary title is Chinese (the rest English)
 * @param impressions whether home sessions start with a logged recommendation slate (impression events with
 *        request ids and positions, clicked with a position bias)
 */
public record SampleShopConfig(
        int items,
        int customers,
        long seed,
        Instant start,
        Instant end,
        ZoneOffset zone,
        double meanSessionsPerCustomer,
        double sessionSpread,
        int maxSessionsPerCustomer,
        double meanViewsPerSession,
        FunnelRates funnel,
        double searchRate,
        double complementRate,
        int complementWindowDays,
        double sameSessionComplementRate,
        double repurchaseRate,
        double zipfExponent,
        double outOfStockRate,
        double newItemRate,
        double chineseTitleRate,
        boolean impressions) {

    public static final int MAX_ITEMS = 5_000_000;
    public static final int MAX_CUSTOMERS = 100_000_000;
    /** Long enough for multi-year experiments, short enough that per-day tables stay small. */
    public static final int MAX_PERIOD_DAYS = 3_660;
    public static final ZoneOffset DEFAULT_ZONE = ZoneOffset.ofHours(8);
    public static final Instant DEFAULT_START = LocalDateTime.of(2024, 1, 1, 0, 0).toInstant(DEFAULT_ZONE);
    public static final Instant DEFAULT_END = LocalDateTime.of(2025, 1, 1, 0, 0).toInstant(DEFAULT_ZONE);
    /** Customers signed up at most this long before the period; keeps all timestamps in 4-digit years. */
    static final Duration SIGNUP_HISTORY = Duration.ofDays(3 * 365);
    private static final Instant EARLIEST_START = LocalDateTime.of(1980, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    private static final Instant LATEST_END = LocalDateTime.of(9000, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);

    public SampleShopConfig {
        List<Problem> problems = new ArrayList<>();
        if (items < 1 || items > MAX_ITEMS) {
            problems.add(Problem.of("items", "expected 1.." + MAX_ITEMS + ", was " + items));
        }
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            problems.add(Problem.of("customers", "expected 1.." + MAX_CUSTOMERS + ", was " + customers));
        }
        if (start == null || end == null) {
            problems.add(Problem.of(start == null ? "start" : "end", "missing"));
        } else if (!start.isBefore(end)) {
            problems.add(Problem.of("end", "must be after start (" + start + "), was " + end));
        } else {
            if (start.isBefore(EARLIEST_START)) {
                problems.add(Problem.of("start", "expected 1980 or later, was " + start));
            }
            if (end.isAfter(LATEST_END)) {
                problems.add(Problem.of("end", "expected before the year 9000, was " + end));
            }
            if (Duration.between(start, end).compareTo(Duration.ofDays(1)) < 0
                    || Duration.between(start, end).toDays() > MAX_PERIOD_DAYS) {
                problems.add(Problem.of("end", "the period must last 1.." + MAX_PERIOD_DAYS + " days, was "
                        + Duration.between(start, end)));
            }
        }
        if (zone == null) {
            problems.add(Problem.of("zone", "missing"));
        }
        if (!(meanSessionsPerCustomer > 0 && meanSessionsPerCustomer <= 10_000)) {
            problems.add(Problem.of("meanSessionsPerCustomer", "expected (0, 10000], was " + meanSessionsPerCustomer));
        }
        if (!(sessionSpread >= 0 && sessionSpread <= 3)) {
            problems.add(Problem.of("sessionSpread", "expected [0, 3], was " + sessionSpread));
        }
        if (maxSessionsPerCustomer < 1 || maxSessionsPerCustomer > 100_000) {
            problems.add(Problem.of("maxSessionsPerCustomer", "expected 1..100000, was " + maxSessionsPerCustomer));
        }
        if (!(meanViewsPerSession >= 1 && meanViewsPerSession <= 1_000)) {
            problems.add(Problem.of("meanViewsPerSession", "expected [1, 1000], was " + meanViewsPerSession));
        }
        if (funnel == null) {
            problems.add(Problem.of("funnel", "missing"));
        }
        FunnelRates.probability(problems, "searchRate", searchRate);
        FunnelRates.probability(problems, "complementRate", complementRate);
        FunnelRates.probability(problems, "sameSessionComplementRate", sameSessionComplementRate);
        FunnelRates.probability(problems, "repurchaseRate", repurchaseRate);
        FunnelRates.probability(problems, "outOfStockRate", outOfStockRate);
        FunnelRates.probability(problems, "newItemRate", newItemRate);
        FunnelRates.probability(problems, "chineseTitleRate", chineseTitleRate);
        if (complementWindowDays < 1 || complementWindowDays > 365) {
            problems.add(Problem.of("complementWindowDays", "expected 1..365, was " + complementWindowDays));
        }
        if (!(zipfExponent >= 0 && zipfExponent <= 5)) {
            problems.add(Problem.of("zipfExponent", "expected [0, 5], was " + zipfExponent));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** The demo shop: 2,000 items, 5,000 customers, seed 42, the year 2024 in UTC+8. */
    public static SampleShopConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this config's values, to change a few. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Every parameter by name, in declaration order, for manifests and provenance. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("items", Integer.toString(items));
        m.put("customers", Integer.toString(customers));
        m.put("seed", Long.toString(seed));
        m.put("start", start.toString());
        m.put("end", end.toString());
        m.put("zone", zone.getId());
        m.put("meanSessionsPerCustomer", Double.toString(meanSessionsPerCustomer));
        m.put("sessionSpread", Double.toString(sessionSpread));
        m.put("maxSessionsPerCustomer", Integer.toString(maxSessionsPerCustomer));
        m.put("meanViewsPerSession", Double.toString(meanViewsPerSession));
        m.put("funnel.click", Double.toString(funnel.click()));
        m.put("funnel.cart", Double.toString(funnel.cart()));
        m.put("funnel.purchase", Double.toString(funnel.purchase()));
        m.put("funnel.favorite", Double.toString(funnel.favorite()));
        m.put("searchRate", Double.toString(searchRate));
        m.put("complementRate", Double.toString(complementRate));
        m.put("complementWindowDays", Integer.toString(complementWindowDays));
        m.put("sameSessionComplementRate", Double.toString(sameSessionComplementRate));
        m.put("repurchaseRate", Double.toString(repurchaseRate));
        m.put("zipfExponent", Double.toString(zipfExponent));
        m.put("outOfStockRate", Double.toString(outOfStockRate));
        m.put("newItemRate", Double.toString(newItemRate));
        m.put("chineseTitleRate", Double.toString(chineseTitleRate));
        m.put("impressions", Boolean.toString(impressions));
        return m;
    }

    /** Mutable builder with the demo defaults; {@link #build()} validates. */
    public static final class Builder {
        private int items = 2_000;
        private int customers = 5_000;
        private long seed = 42;
        private Instant start = DEFAULT_START;
        private Instant end = DEFAULT_END;
        private ZoneOffset zone = DEFAULT_ZONE;
        private double meanSessionsPerCustomer = 8.0;
        private double sessionSpread = 1.0;
        private int maxSessionsPerCustomer = 1_000;
        private double meanViewsPerSession = 5.0;
        private FunnelRates funnel = FunnelRates.DEFAULT;
        private double searchRate = 0.30;
        private double complementRate = 0.55;
        private int complementWindowDays = 21;
        private double sameSessionComplementRate = 0.35;
        private double repurchaseRate = 0.5;
        private double zipfExponent = 1.0;
        private double outOfStockRate = 0.03;
        private double newItemRate = 0.15;
        private double chineseTitleRate = 0.6;
        private boolean impressions;

        private Builder() {
        }

        private Builder(SampleShopConfig c) {
            items = c.items;
            customers = c.customers;
            seed = c.seed;
            start = c.start;
            end = c.end;
            zone = c.zone;
            meanSessionsPerCustomer = c.meanSessionsPerCustomer;
            sessionSpread = c.sessionSpread;
            maxSessionsPerCustomer = c.maxSessionsPerCustomer;
            meanViewsPerSession = c.meanViewsPerSession;
            funnel = c.funnel;
            searchRate = c.searchRate;
            complementRate = c.complementRate;
            complementWindowDays = c.complementWindowDays;
            sameSessionComplementRate = c.sameSessionComplementRate;
            repurchaseRate = c.repurchaseRate;
            zipfExponent = c.zipfExponent;
            outOfStockRate = c.outOfStockRate;
            newItemRate = c.newItemRate;
            chineseTitleRate = c.chineseTitleRate;
            impressions = c.impressions;
        }

        public Builder items(int v) {
            items = v;
            return this;
        }

        public Builder customers(int v) {
            customers = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** The simulated period [start, end). */
        public Builder period(Instant startInclusive, Instant endExclusive) {
            start = startInclusive;
            end = endExclusive;
            return this;
        }

        public Builder zone(ZoneOffset v) {
            zone = v;
            return this;
        }

        public Builder meanSessionsPerCustomer(double v) {
            meanSessionsPerCustomer = v;
            return this;
        }

        public Builder sessionSpread(double v) {
            sessionSpread = v;
            return this;
        }

        public Builder maxSessionsPerCustomer(int v) {
            maxSessionsPerCustomer = v;
            return this;
        }

        public Builder meanViewsPerSession(double v) {
            meanViewsPerSession = v;
            return this;
        }

        public Builder funnel(FunnelRates v) {
            funnel = v;
            return this;
        }

        public Builder searchRate(double v) {
            searchRate = v;
            return this;
        }

        public Builder complementRate(double v) {
            complementRate = v;
            return this;
        }

        public Builder complementWindowDays(int v) {
            complementWindowDays = v;
            return this;
        }

        public Builder sameSessionComplementRate(double v) {
            sameSessionComplementRate = v;
            return this;
        }

        public Builder repurchaseRate(double v) {
            repurchaseRate = v;
            return this;
        }

        public Builder zipfExponent(double v) {
            zipfExponent = v;
            return this;
        }

        public Builder outOfStockRate(double v) {
            outOfStockRate = v;
            return this;
        }

        public Builder newItemRate(double v) {
            newItemRate = v;
            return this;
        }

        public Builder chineseTitleRate(double v) {
            chineseTitleRate = v;
            return this;
        }

        public Builder impressions(boolean v) {
            impressions = v;
            return this;
        }

        public SampleShopConfig build() {
            return new SampleShopConfig(items, customers, seed, start, end, zone, meanSessionsPerCustomer,
                    sessionSpread, maxSessionsPerCustomer, meanViewsPerSession, funnel, searchRate, complementRate,
                    complementWindowDays, sameSessionComplementRate, repurchaseRate, zipfExponent, outOfStockRate,
                    newItemRate, chineseTitleRate, impressions);
        }
    }
}
