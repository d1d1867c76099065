// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Gender;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer's drawn traits: the public profile plus the hidden ones (activity, loyalty, price sensitivity)
 * that drive behaviour. Drawn from the customer's own stream, so the customers pass and the events pass
 * regenerate the same profile without keeping it.
 *
 * @param index 0-based customer number
 * @param segment index into {@link Segments#ALL}
 * @param region index into {@link Segments#REGIONS}
 * @param chinese whether the customer searches and reads in Chinese
 * @param signupAt epoch millis
 * @param sessions how many sessions the customer will have in the period
 * @param loyalty probability that browsing a leaf shows the customer's favourite brand there
 * @param priceSensitivity the segment's exponent with personal noise
 */
record CustomerProfile(int index, String id, int segment, int age, Gender gender, int region, boolean chinese,
        long signupAt, int sessions, double loyalty, double priceSensitivity) {

    Customer toCustomer() {
        return new Customer(id, age, gender, Segments.REGIONS.get(region).name(), Instant.ofEpochMilli(signupAt),
                List.of(Segments.ALL.get(segment).name()), Map.of("language", chinese ? "zh" : "en"));
    }

    /** Draws profiles; stateless apart from the config, so one instance serves all threads. */
    static final class Factory {
        private static final double OTHER_GENDER = 0.01;
        private static final double SIGNED_UP_BEFORE = 0.7;

        private final SampleShopConfig config;
        private final double[] segmentShares;
        private final double segmentTotal;

        Factory(SampleShopConfig config) {
            this.config = config;
            segmentShares = new double[Segments.ALL.size()];
            double total = 0;
            for (int s = 0; s < segmentShares.length; s++) {
                segmentShares[s] = Segments.ALL.get(s).share();
                total += segmentShares[s];
            }
            segmentTotal = total;
        }

        CustomerProfile profile(int index) {
            ShopRandom r = ShopRandom.forEntity(config.seed(), Kinds.CUSTOMER, index);
            int s = r.pick(segmentShares, segmentShares.length, segmentTotal);
            SegmentProfile seg = Segments.ALL.get(s);
            int age = r.nextInt(seg.minAge(), seg.maxAge());
            double g = r.nextDouble();
            Gender gender = g < OTHER_GENDER ? Gender.OTHER
                    : g < OTHER_GENDER + (1 - OTHER_GENDER) * seg.femaleShare() ? Gender.FEMALE : Gender.MALE;
            double regionTotal = 0;
            for (double w : seg.regionWeights()) {
                regionTotal += w;
            }
            int region = seg.regions()[r.pick(seg.regionWeights(), seg.regionWeights().length, regionTotal)];
            boolean chinese = r.chance(Segments.REGIONS.get(region).chineseShare());

            long start = config.start().toEpochMilli();
            long end = config.end().toEpochMilli();
            long signup;
            if (r.chance(SIGNED_UP_BEFORE)) {
                signup = start - 1 - (long) (r.nextDouble() * SampleShopConfig.SIGNUP_HISTORY.toMillis());
            } else {
                // Late sign-ups still get at least the last 5% of the period to shop in.
                signup = start + (long) (r.nextDouble() * 0.95 * (end - start));
            }
            double activeFraction = (double) (end - Math.max(signup, start)) / (end - start);
            double sigma = config.sessionSpread();
            double expected = config.meanSessionsPerCustomer() * seg.activity() * activeFraction;
            // Log-normal with the requested mean: exp(sigma Z - sigma^2 / 2) has expectation 1.
            double x = expected * StrictMath.exp(sigma * r.nextGaussian() - 0.5 * sigma * sigma);
            int sessions = (int) Math.min(config.maxSessionsPerCustomer(), Math.floor(x + r.nextDouble()));
            double loyalty = 0.3 + 0.55 * r.nextDouble();
            double priceSensitivity = seg.priceSensitivity() * StrictMath.exp(0.3 * r.nextGaussian());
            return new CustomerProfile(index, ShopIds.customer(index), s, age, gender, region, chinese, signup,
                    sessions, loyalty, priceSensitivity);
        }
    }
}
