// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ground truth the sample shop plants, for documentation and for tests that check a model recovers it
 * (segment tastes, complementary categories, seasonality, funnel, popularity law). Categories are named by
 * their full path, "Electronics &gt; Phones", as in the generated items.
 *
 * @param categories every leaf category path, in taxonomy order
 * @param segments each segment's demographics and tastes
 * @param complements leaf path to its complementary leaf paths and their relative weights; directional
 * @param complementRate P(one of the next sessions is about a complement), see {@link SampleShopConfig}
 * @param complementWindowDays how long a purchase pulls toward its complements
 * @param sameSessionComplementRate P(an add-to-cart turns the rest of the session to a complement)
 * @param repurchaseDays consumable leaf path to its typical re-purchase interval in days
 * @param monthlyDemand leaf path to 12 demand multipliers (January first, mean 1)
 * @param festivals fixed-date festivals with traffic, conversion and category boosts
 * @param funnel base conversion rates
 * @param zipfExponent s in P(item of popularity rank r within its leaf) ~ 1 / r^s
 */
public record PlantedStructure(
        List<String> categories,
        List<SegmentTaste> segments,
        Map<String, Map<String, Double>> complements,
        double complementRate,
        int complementWindowDays,
        double sameSessionComplementRate,
        Map<String, Integer> repurchaseDays,
        Map<String, List<Double>> monthlyDemand,
        List<Festival> festivals,
        FunnelRates funnel,
        double zipfExponent) {

    public PlantedStructure {
        categories = List.copyOf(categories);
        segments = List.copyOf(segments);
        complements = ordered(complements);
        repurchaseDays = ordered(repurchaseDays);
        monthlyDemand = ordered(monthlyDemand);
        festivals = List.copyOf(festivals);
    }

    /** The structure a generator with this config plants. */
    public static PlantedStructure of(SampleShopConfig config) {
        List<String> categories = new ArrayList<>();
        Map<String, Map<String, Double>> complements = new LinkedHashMap<>();
        Map<String, Integer> repurchase = new LinkedHashMap<>();
        Map<String, List<Double>> demand = new LinkedHashMap<>();
        for (LeafCategory leaf : Taxonomy.LEAVES) {
            categories.add(leaf.path());
            int[] to = Taxonomy.COMPLEMENTS[leaf.index()];
            if (to.length > 0) {
                Map<String, Double> m = new LinkedHashMap<>();
                for (int k = 0; k < to.length; k++) {
                    m.put(Taxonomy.LEAVES.get(to[k]).path(), Taxonomy.COMPLEMENT_WEIGHTS[leaf.index()][k]);
                }
                complements.put(leaf.path(), ordered(m));
            }
            if (leaf.consumable()) {
                repurchase.put(leaf.path(), leaf.repurchaseDays());
            }
            List<Double> months = new ArrayList<>(12);
            for (int m = 1; m <= 12; m++) {
                months.add(leaf.season().month(m));
            }
            demand.put(leaf.path(), List.copyOf(months));
        }
        List<SegmentTaste> segments = new ArrayList<>();
        for (SegmentProfile s : Segments.ALL) {
            segments.add(SegmentTaste.of(s));
        }
        return new PlantedStructure(categories, segments, complements, config.complementRate(),
                config.complementWindowDays(), config.sameSessionComplementRate(), repurchase, demand,
                Festival.ALL, config.funnel(), config.zipfExponent());
    }

    public Optional<SegmentTaste> segment(String name) {
        for (SegmentTaste s : segments) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Complementary leaf paths of a leaf path, strongest first; empty when it has none. */
    public List<String> complementsOf(String categoryPath) {
        Map<String, Double> m = complements.getOrDefault(categoryPath, Map.of());
        List<String> out = new ArrayList<>(m.keySet());
        out.sort(Comparator.comparingDouble((String k) -> -m.get(k)));
        return List.copyOf(out);
    }

    /** Root categories in taxonomy order ("Electronics", "Baby &amp; Kids", ...). */
    public List<String> rootCategories() {
        List<String> out = new ArrayList<>();
        for (Term t : Taxonomy.TOPS) {
            out.add(t.en());
        }
        return List.copyOf(out);
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * One segment's planted profile.
     *
     * @param name the label in {@code Customer.segments}
     * @param share fraction of customers
     * @param minAge youngest age, inclusive
     * @param maxAge oldest age, inclusive
     * @param femaleShare P(female); 1% of customers are "other"
     * @param regions where the segment lives, with relative weights
     * @param rootCategoryShare expected share of the segment's sessions per root category, before seasonality
     *        and personal variation; sums to 1
     * @param categoryShare the same per leaf path
     * @param favouriteRootCategories the three root categories with the largest share, largest first
     * @param priceSensitivity b in P(accept item) = min(1, (leaf median / price)^b)
     * @param brandTierTaste relative preference for "budget", "mid-range" and "premium" brands
     * @param activity multiplier on mean sessions per customer
     * @param searchTaste multiplier on the share of sessions that start with a search
     */
    public record SegmentTaste(
            String name,
            double share,
            int minAge,
            int maxAge,
            double femaleShare,
            Map<String, Double> regions,
            Map<String, Double> rootCategoryShare,
            Map<String, Double> categoryShare,
            List<String> favouriteRootCategories,
            double priceSensitivity,
            Map<String, Double> brandTierTaste,
            double activity,
            double searchTaste) {

        public SegmentTaste {
            regions = ordered(regions);
            rootCategoryShare = ordered(rootCategoryShare);
            categoryShare = ordered(categoryShare);
            favouriteRootCategories = List.copyOf(favouriteRootCategories);
            brandTierTaste = ordered(brandTierTaste);
        }

        static SegmentTaste of(SegmentProfile s) {
            Map<String, Double> regions = new LinkedHashMap<>();
            for (int k = 0; k < s.regions().length; k++) {
                regions.put(Segments.REGIONS.get(s.regions()[k]).name(), s.regionWeights()[k]);
            }
            double[] top = s.topTaste();
            Map<String, Double> roots = new LinkedHashMap<>();
            List<String> byShare = new ArrayList<>();
            for (int t = 0; t < top.length; t++) {
                roots.put(Taxonomy.TOPS.get(t).en(), top[t]);
                byShare.add(Taxonomy.TOPS.get(t).en());
            }
            byShare.sort(Comparator.comparingDouble((String k) -> -roots.get(k)));
            Map<String, Double> leaves = new LinkedHashMap<>();
            for (LeafCategory leaf : Taxonomy.LEAVES) {
                leaves.put(leaf.path(), s.leafTaste()[leaf.index()]);
            }
            Map<String, Double> tiers = new LinkedHashMap<>();
            tiers.put("budget", s.tierTaste()[0]);
            tiers.put("mid-range", s.tierTaste()[1]);
            tiers.put("premium", s.tierTaste()[2]);
            return new SegmentTaste(s.name(), s.share(), s.minAge(), s.maxAge(), s.femaleShare(), regions, roots,
                    leaves, byShare.subList(0, 3), s.priceSensitivity(), tiers, s.activity(), s.searchTaste());
        }
    }
}
