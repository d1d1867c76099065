// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The planted customer segments. Each has a distinct taste over root categories (with a few leaf-level
 * accents: students buy exam books, not children's books), price sensitivity, brand-tier taste, activity, search
 * habit and hours; the numbers are documented in {@code docs/sample-shop.md} and exposed through
 * {@link PlantedStructure}.
 */
final class Segments {
    /** Where customers live, and the probability that one from there uses Chinese (else English). */
    static final List<Region> REGIONS = List.of(
            new Region("Shanghai", 0.95), new Region("Beijing", 0.95), new Region("Shenzhen", 0.93),
            new Region("Guangzhou", 0.95), new Region("Hangzhou", 0.96), new Region("Chengdu", 0.97),
            new Region("Wuhan", 0.97), new Region("Nanjing", 0.96), new Region("Xi'an", 0.97),
            new Region("Harbin", 0.98), new Region("Tianjin", 0.97), new Region("Xiamen", 0.95),
            new Region("Hong Kong", 0.6), new Region("Singapore", 0.4), new Region("London", 0.15),
            new Region("Sydney", 0.2), new Region("San Francisco", 0.15), new Region("Vancouver", 0.3));

    static final List<SegmentProfile> ALL;

    // Local hour 0..23. Evening peaks are the norm in Chinese e-commerce; retirees shop in the morning,
    // students late at night, professionals at lunch and after work.
    private static final double[] EVENING = {
        0.8, 0.4, 0.2, 0.1, 0.1, 0.2, 0.4, 0.8, 1.2, 1.4, 1.5, 1.7,
        2.0, 1.8, 1.5, 1.5, 1.6, 1.8, 2.0, 2.6, 3.0, 3.2, 2.6, 1.6};
    private static final double[] LATE_NIGHT = {
        2.2, 1.6, 0.9, 0.4, 0.2, 0.1, 0.2, 0.4, 0.7, 1.0, 1.2, 1.5,
        1.8, 1.4, 1.2, 1.2, 1.3, 1.5, 1.8, 2.2, 2.6, 3.0, 3.2, 2.9};
    private static final double[] MORNING = {
        0.1, 0.1, 0.1, 0.1, 0.3, 0.9, 1.8, 2.6, 3.0, 3.0, 2.7, 2.0,
        1.4, 1.3, 1.6, 1.8, 1.7, 1.4, 1.2, 1.3, 1.2, 0.8, 0.4, 0.2};
    private static final double[] OFFICE = {
        0.6, 0.3, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.3, 1.0, 1.0, 1.6,
        2.6, 2.2, 1.2, 1.0, 1.0, 1.2, 1.6, 2.0, 2.6, 3.0, 2.6, 1.4};
    private static final double[] PARENTS = {
        0.6, 0.3, 0.2, 0.2, 0.2, 0.4, 0.8, 1.0, 1.2, 1.5, 1.6, 1.6,
        1.8, 2.0, 1.6, 1.4, 1.2, 1.0, 1.0, 1.4, 2.4, 3.2, 3.0, 1.6};
    /** Sports people train in the morning or after work and shop around both. */
    private static final double[] ACTIVE = average(MORNING, EVENING);

    static {
        List<SegmentProfile> all = new ArrayList<>();
        all.add(new Def("young-adults", 0.22, 18, 29, 0.58, EVENING)
                .regions("Shanghai", 3, "Shenzhen", 3, "Beijing", 2, "Guangzhou", 2, "Hangzhou", 2, "Chengdu", 2,
                        "Wuhan", 1, "Singapore", 1, "Hong Kong", 1, "London", 0.5)
                .tops("Fashion", 3, "Beauty", 3, "Electronics", 2, "Food & Drink", 1.5, "Pets", 1.5, "Sports", 1,
                        "Home", 0.8, "Books", 0.4, "Health", 0.3, "Garden", 0.2, "Baby & Kids", 0.1)
                .leaves("Snacks", 1.5, "Makeup", 1.3, "Cat food", 1.5, "Cat litter", 1.5, "Handbags", 1.3,
                        "Children's books", 0.2, "Reading glasses", 0.05, "Blood pressure monitors", 0.1)
                .behaviour(0.9, new double[] {1.2, 1.0, 0.7}, 1.0, 1.1).build());
        all.add(new Def("parents", 0.22, 27, 45, 0.66, PARENTS)
                .regions("Shanghai", 2, "Beijing", 2, "Hangzhou", 2, "Nanjing", 2, "Chengdu", 2, "Wuhan", 2,
                        "Shenzhen", 2, "Xi'an", 1, "Tianjin", 1, "Hong Kong", 0.5, "Singapore", 0.5)
                .tops("Baby & Kids", 6, "Home", 2.5, "Books", 1.5, "Food & Drink", 1, "Beauty", 0.8, "Fashion", 0.8,
                        "Electronics", 0.6, "Health", 0.6, "Sports", 0.4, "Garden", 0.4, "Pets", 0.3)
                .leaves("Children's books", 4, "Exam prep", 0.2, "Fiction", 0.4, "Reading glasses", 0.1,
                        "Strollers", 1.5)
                .behaviour(0.7, new double[] {1.0, 1.2, 0.9}, 1.3, 0.9).build());
        all.add(new Def("retirees", 0.14, 60, 82, 0.55, MORNING)
                .regions("Shanghai", 2, "Beijing", 2, "Chengdu", 2, "Harbin", 1.5, "Hangzhou", 1.5, "Tianjin", 1,
                        "Xi'an", 1, "Guangzhou", 1, "Hong Kong", 0.5, "Vancouver", 0.4)
                .tops("Health", 6, "Garden", 3, "Food & Drink", 2, "Home", 1.5, "Books", 1.2, "Baby & Kids", 0.4,
                        "Fashion", 0.4, "Electronics", 0.3, "Beauty", 0.3, "Sports", 0.3, "Pets", 0.5)
                .leaves("Tea", 3, "Coffee", 0.3, "Snacks", 0.5, "Fiction", 2.5, "Exam prep", 0.05,
                        "Children's books", 0.8, "Toys", 2, "Diapers", 0.2, "Baby formula", 0.2, "Reading glasses", 2,
                        "Blood pressure monitors", 2, "Laptops", 0.3, "Cameras", 0.3)
                .behaviour(1.3, new double[] {1.6, 1.0, 0.4}, 0.7, 0.5).build());
        all.add(new Def("students", 0.14, 17, 24, 0.52, LATE_NIGHT)
                .regions("Beijing", 3, "Wuhan", 3, "Nanjing", 2, "Xi'an", 2, "Chengdu", 2, "Shanghai", 1.5,
                        "Guangzhou", 1.5, "Hong Kong", 0.5, "London", 0.5, "Sydney", 0.5)
                .tops("Books", 3, "Electronics", 3, "Food & Drink", 2.5, "Fashion", 1.5, "Sports", 0.8,
                        "Beauty", 0.8, "Home", 0.3, "Health", 0.2, "Garden", 0.1, "Baby & Kids", 0.05, "Pets", 0.3)
                .leaves("Exam prep", 5, "Children's books", 0.05, "Snacks", 3, "Coffee", 1.5, "Tea", 0.2,
                        "Headphones", 2, "Laptops", 1.5, "Mice & keyboards", 1.5, "Cameras", 0.3,
                        "Reading glasses", 0.02, "Blood pressure monitors", 0.02)
                .behaviour(1.6, new double[] {1.8, 1.0, 0.4}, 1.0, 1.3).build());
        all.add(new Def("professionals", 0.18, 28, 50, 0.48, OFFICE)
                .regions("Shanghai", 3, "Beijing", 3, "Shenzhen", 2.5, "Hangzhou", 1.5, "Guangzhou", 1.5,
                        "Hong Kong", 1, "Singapore", 1, "London", 0.5, "San Francisco", 0.5)
                .tops("Electronics", 3.5, "Home", 2.5, "Food & Drink", 2, "Fashion", 1.5, "Beauty", 1.2, "Sports", 0.8,
                        "Health", 0.8, "Books", 0.6, "Pets", 0.6, "Garden", 0.3, "Baby & Kids", 0.3)
                .leaves("Laptops", 2, "Cameras", 1.5, "Cleaning appliances", 2, "Kitchen", 1.2, "Coffee", 3,
                        "Handbags", 1.5, "Coats", 1.5, "Skincare", 1.3, "Exam prep", 0.3, "Reading glasses", 0.2)
                .behaviour(0.3, new double[] {0.4, 1.0, 2.2}, 1.1, 1.2).build());
        all.add(new Def("sports-enthusiasts", 0.10, 20, 45, 0.38, ACTIVE)
                .regions("Shenzhen", 2, "Guangzhou", 2, "Shanghai", 2, "Beijing", 2, "Xiamen", 2, "Chengdu", 1,
                        "Hangzhou", 1, "Sydney", 0.5, "Singapore", 0.5)
                .tops("Sports", 7, "Health", 1.5, "Electronics", 1.2, "Fashion", 1, "Food & Drink", 0.8, "Home", 0.4,
                        "Beauty", 0.3, "Books", 0.3, "Pets", 0.3, "Garden", 0.2, "Baby & Kids", 0.1)
                .leaves("Supplements", 3, "Headphones", 2.5, "T-shirts", 2, "Reading glasses", 0.05,
                        "Blood pressure monitors", 0.1, "Massagers", 2)
                .behaviour(0.6, new double[] {0.8, 1.0, 1.4}, 1.2, 1.0).build());
        ALL = List.copyOf(all);
    }

    private Segments() {
    }

    static int index(String name) {
        for (int s = 0; s < ALL.size(); s++) {
            if (ALL.get(s).name().equals(name)) {
                return s;
            }
        }
        return -1;
    }

    private static double[] average(double[] a, double[] b) {
        double[] h = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            h[i] = 0.5 * (a[i] + b[i]);
        }
        return h;
    }

    /** A place and its language mix. */
    record Region(String name, double chineseShare) {
    }

    /** Fluent segment definition, used only while {@link #ALL} is built. */
    private static final class Def {
        private final String name;
        private final double share;
        private final int minAge;
        private final int maxAge;
        private final double femaleShare;
        private final double[] hours;
        private int[] regions;
        private double[] regionWeights;
        private final double[] tops = new double[Taxonomy.TOPS.size()];
        private final double[] leafBoost = new double[Taxonomy.LEAVES.size()];
        private double priceSensitivity;
        private double[] tierTaste;
        private double activity;
        private double searchTaste;

        Def(String name, double share, int minAge, int maxAge, double femaleShare, double[] hours) {
            this.name = name;
            this.share = share;
            this.minAge = minAge;
            this.maxAge = maxAge;
            this.femaleShare = femaleShare;
            this.hours = hours;
            Arrays.fill(leafBoost, 1.0);
        }

        Def regions(Object... namesAndWeights) {
            int n = namesAndWeights.length / 2;
            regions = new int[n];
            regionWeights = new double[n];
            for (int i = 0; i < n; i++) {
                String region = (String) namesAndWeights[2 * i];
                regions[i] = -1;
                for (int r = 0; r < REGIONS.size(); r++) {
                    if (REGIONS.get(r).name().equals(region)) {
                        regions[i] = r;
                    }
                }
                if (regions[i] < 0) {
                    throw new IllegalStateException(name + ": unknown region " + region);
                }
                regionWeights[i] = ((Number) namesAndWeights[2 * i + 1]).doubleValue();
            }
            return this;
        }

        Def tops(Object... namesAndWeights) {
            for (int i = 0; i < namesAndWeights.length; i += 2) {
                int t = Taxonomy.topIndex((String) namesAndWeights[i]);
                if (t < 0) {
                    throw new IllegalStateException(name + ": unknown root category " + namesAndWeights[i]);
                }
                tops[t] = ((Number) namesAndWeights[i + 1]).doubleValue();
            }
            return this;
        }

        Def leaves(Object... namesAndBoosts) {
            for (int i = 0; i < namesAndBoosts.length; i += 2) {
                int l = Taxonomy.leafIndex((String) namesAndBoosts[i]);
                if (l < 0) {
                    throw new IllegalStateException(name + ": unknown leaf category " + namesAndBoosts[i]);
                }
                leafBoost[l] = ((Number) namesAndBoosts[i + 1]).doubleValue();
            }
            return this;
        }

        Def behaviour(double priceSens, double[] tiers, double act, double search) {
            priceSensitivity = priceSens;
            tierTaste = tiers;
            activity = act;
            searchTaste = search;
            return this;
        }

        SegmentProfile build() {
            // A leaf's share of its root's demand follows its share of the root's catalog, then the accent.
            double[] rootCatalog = new double[tops.length];
            for (LeafCategory leaf : Taxonomy.LEAVES) {
                rootCatalog[leaf.topIndex()] += leaf.catalogWeight();
            }
            double[] taste = new double[leafBoost.length];
            double total = 0;
            for (LeafCategory leaf : Taxonomy.LEAVES) {
                int l = leaf.index();
                taste[l] = tops[leaf.topIndex()] * leaf.catalogWeight() / rootCatalog[leaf.topIndex()] * leafBoost[l];
                total += taste[l];
            }
            for (int l = 0; l < taste.length; l++) {
                taste[l] /= total;
            }
            return new SegmentProfile(name, share, minAge, maxAge, femaleShare, regions, regionWeights, taste,
                    priceSensitivity, tierTaste, activity, searchTaste, hours);
        }
    }
}
