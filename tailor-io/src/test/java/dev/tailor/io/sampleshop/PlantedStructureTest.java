// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.io.sampleshop.PlantedStructure.SegmentTaste;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The planted structure is both documented (the API) and measurable in the generated data: the checks a model
 * test would make, done here with plain counting.
 */
class PlantedStructureTest {
    private final GeneratedShop shop = GeneratedShop.demo();
    private final PlantedStructure planted = PlantedStructure.of(shop.config);

    @Test
    void describesSegmentsComplementsAndSeasons() {
        assertThat(planted.categories()).hasSize(Taxonomy.LEAVES.size()).contains("Electronics > Phones");
        assertThat(planted.segments()).extracting(SegmentTaste::name).containsExactly("young-adults", "parents",
                "retirees", "students", "professionals", "sports-enthusiasts");
        assertThat(planted.segments().stream().mapToDouble(SegmentTaste::share).sum()).isCloseTo(1.0, offset(1e-9));
        for (SegmentTaste s : planted.segments()) {
            assertThat(s.rootCategoryShare().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, offset(1e-9));
            assertThat(s.categoryShare()).hasSize(planted.categories().size());
            assertThat(s.favouriteRootCategories()).hasSize(3);
        }
        assertThat(planted.segment("parents").orElseThrow().favouriteRootCategories().get(0)).isEqualTo("Baby & Kids");
        assertThat(planted.segment("retirees").orElseThrow().favouriteRootCategories().get(0)).isEqualTo("Health");
        assertThat(planted.segment("nobody")).isEmpty();
        assertThat(planted.complementsOf("Electronics > Phones"))
                .containsExactly("Electronics > Phone cases", "Electronics > Chargers", "Electronics > Headphones");
        assertThat(planted.complementsOf("Electronics > Phone cases")).isEmpty();
        assertThat(planted.repurchaseDays()).containsEntry("Baby & Kids > Diapers", 21);
        List<Double> garden = planted.monthlyDemand().get("Garden > Plants");
        assertThat(garden.get(Month.APRIL.ordinal())).isGreaterThan(1.5);
        assertThat(garden.get(Month.DECEMBER.ordinal())).isLessThan(0.5);
        assertThat(planted.festivals()).extracting(Festival::name).contains("Singles' Day");
        assertThat(planted.funnel()).isEqualTo(shop.config.funnel());
        assertThat(planted.rootCategories()).hasSize(11).startsWith("Electronics");
    }

    @Test
    void customersMatchTheirSegmentsDemographics() {
        Map<String, int[]> femaleAndAll = new HashMap<>();
        Map<String, Integer> bySegment = new HashMap<>();
        for (Customer c : shop.customers) {
            String name = c.segments().get(0);
            SegmentTaste s = planted.segment(name).orElseThrow();
            assertThat(c.segments()).hasSize(1);
            assertThat(c.age()).isBetween(s.minAge(), s.maxAge());
            assertThat(s.regions()).containsKey(c.region());
            assertThat(c.signupAt()).isBefore(shop.config.end());
            int[] fa = femaleAndAll.computeIfAbsent(name, k -> new int[2]);
            fa[0] += c.gender() == Gender.FEMALE ? 1 : 0;
            fa[1]++;
            bySegment.merge(name, 1, Integer::sum);
        }
        for (SegmentTaste s : planted.segments()) {
            int[] fa = femaleAndAll.get(s.name());
            assertThat((double) fa[0] / fa[1]).as(s.name()).isCloseTo(s.femaleShare() * 0.99, offset(0.06));
            assertThat(bySegment.get(s.name()) / (double) shop.customers.size()).isCloseTo(s.share(), offset(0.02));
        }
    }

    /** Each segment's views across root categories follow its planted taste (correlation over 11 roots). */
    @Test
    void segmentsBrowseWhatTheyArePlantedToLike() {
        Map<String, Map<String, Integer>> views = countBySegmentAndRoot(EventType.VIEW);
        for (SegmentTaste s : planted.segments()) {
            Map<String, Integer> v = views.get(s.name());
            double total = v.values().stream().mapToInt(Integer::intValue).sum();
            double[] observed = new double[planted.rootCategories().size()];
            double[] expected = new double[observed.length];
            for (int t = 0; t < observed.length; t++) {
                String root = planted.rootCategories().get(t);
                observed[t] = v.getOrDefault(root, 0) / total;
                expected[t] = s.rootCategoryShare().get(root);
            }
            assertThat(pearson(observed, expected)).as(s.name()).isGreaterThan(0.95);
        }
    }

    @Test
    void parentsBuyBabyThingsAndRetireesBuyHealth() {
        Map<String, Map<String, Integer>> purchases = countBySegmentAndRoot(EventType.PURCHASE);
        assertThat(share(purchases, "parents", "Baby & Kids"))
                .isGreaterThan(0.3).isGreaterThan(5 * share(purchases, "retirees", "Baby & Kids"));
        assertThat(share(purchases, "retirees", "Health"))
                .isGreaterThan(0.25).isGreaterThan(5 * share(purchases, "young-adults", "Health"));
        assertThat(share(purchases, "sports-enthusiasts", "Sports"))
                .isGreaterThan(4 * share(purchases, "professionals", "Sports"));
        assertThat(share(purchases, "students", "Books")).isGreaterThan(3 * share(purchases, "professionals", "Books"));
    }

    /** P(buy B after buying A) against P(buy B) for every planted pair, and against the reverse direction. */
    @Test
    void complementaryPurchasesFollowEachOther() {
        Map<String, List<Event>> purchasesByUser = new HashMap<>();
        for (Event e : shop.events) {
            if (e.type() == EventType.PURCHASE) {
                purchasesByUser.computeIfAbsent(e.userId(), k -> new ArrayList<>()).add(e);
            }
        }
        int checked = 0;
        for (Map.Entry<String, Map<String, Double>> pair : planted.complements().entrySet()) {
            String a = pair.getKey();
            String b = planted.complementsOf(a).get(0);
            double[] forward = afterRate(purchasesByUser, a, b);
            double[] backward = afterRate(purchasesByUser, b, a);
            double base = (double) buyers(purchasesByUser, b) / shop.customers.size();
            if (forward[1] < 30) {
                continue;
            }
            checked++;
            assertThat(forward[0]).as(a + " -> " + b).isGreaterThan(3 * base);
            assertThat(forward[0]).as(a + " -> " + b + " vs reverse").isGreaterThan(backward[0]);
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    @Test
    void seasonsShiftDemand() {
        Map<String, int[]> byRootMonth = new HashMap<>();
        Map<String, int[]> byLeafMonth = new HashMap<>();
        int[] all = new int[13];
        for (Event e : shop.events) {
            if (e.type() != EventType.VIEW) {
                continue;
            }
            int m = shop.localDate(e.timestamp()).getMonthValue();
            all[m]++;
            byRootMonth.computeIfAbsent(shop.root(e), k -> new int[13])[m]++;
            byLeafMonth.computeIfAbsent(shop.leafPath(e), k -> new int[13])[m]++;
        }
        assertThat(seasonRatio(byRootMonth.get("Garden"), all, new int[] {3, 4, 5}, new int[] {11, 12, 1}))
                .isGreaterThan(2.5);
        assertThat(seasonRatio(byRootMonth.get("Sports"), all, new int[] {6, 7, 8}, new int[] {12, 1, 2}))
                .isGreaterThan(1.8);
        assertThat(seasonRatio(byLeafMonth.get("Fashion > Coats"), all, new int[] {11, 12, 1}, new int[] {6, 7, 8}))
                .isGreaterThan(4);
    }

    @Test
    void singlesDayIsTheBusiestDay() {
        Map<LocalDate, Integer> perDay = new HashMap<>();
        Map<LocalDate, int[]> cartsAndPurchases = new HashMap<>();
        for (Event e : shop.events) {
            LocalDate d = shop.localDate(e.timestamp());
            perDay.merge(d, 1, Integer::sum);
            int[] cp = cartsAndPurchases.computeIfAbsent(d, k -> new int[2]);
            cp[0] += e.type() == EventType.ADD_TO_CART ? 1 : 0;
            cp[1] += e.type() == EventType.PURCHASE ? 1 : 0;
        }
        LocalDate singlesDay = LocalDate.of(2024, 11, 11);
        double mean = perDay.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        LocalDate busiest = perDay.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(busiest).isEqualTo(singlesDay);
        assertThat(perDay.get(singlesDay) / mean).isGreaterThan(2.5);
        int[] onDay = cartsAndPurchases.get(singlesDay);
        long carts = shop.summary.eventsByType().get(EventType.ADD_TO_CART);
        long purchases = shop.summary.eventsByType().get(EventType.PURCHASE);
        assertThat((double) onDay[1] / onDay[0]).isGreaterThan((double) purchases / carts);
    }

    /** The planted rank decides popularity: the top tenth of each leaf gets far more than a tenth of views. */
    @Test
    void popularityIsZipfLikeWithinCategories() {
        Catalog catalog = new Catalog(shop.config);
        long topViews = 0;
        long views = 0;
        for (Event e : shop.events) {
            if (e.type() != EventType.VIEW) {
                continue;
            }
            int item = Integer.parseInt(e.itemId().substring(1));
            views++;
            if (catalog.rank(item) < Math.max(1, catalog.leafSize(catalog.leaf(item)) / 10)) {
                topViews++;
            }
        }
        // Pure Zipf over ~46 items would give the top tenth about half; loyalty, price and listing dates dilute it.
        assertThat((double) topViews / views).isGreaterThan(0.3);
    }

    private Map<String, Map<String, Integer>> countBySegmentAndRoot(EventType type) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (Event e : shop.events) {
            if (e.type() == type) {
                out.computeIfAbsent(shop.segment(e), k -> new HashMap<>()).merge(shop.root(e), 1, Integer::sum);
            }
        }
        return out;
    }

    private static double share(Map<String, Map<String, Integer>> counts, String segment, String root) {
        Map<String, Integer> m = counts.get(segment);
        return m.getOrDefault(root, 0) / (double) m.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {fraction of A-buyers who later buy B, number of A-buyers}. */
    private double[] afterRate(Map<String, List<Event>> purchasesByUser, String a, String b) {
        int buyersOfA = 0;
        int thenB = 0;
        for (List<Event> purchases : purchasesByUser.values()) {
            Event firstA = purchases.stream().filter(e -> shop.leafPath(e).equals(a)).findFirst().orElse(null);
            if (firstA == null) {
                continue;
            }
            buyersOfA++;
            if (purchases.stream().anyMatch(e -> shop.leafPath(e).equals(b)
                    && e.timestamp().isAfter(firstA.timestamp()))) {
                thenB++;
            }
        }
        return new double[] {buyersOfA == 0 ? 0 : (double) thenB / buyersOfA, buyersOfA};
    }

    private int buyers(Map<String, List<Event>> purchasesByUser, String leaf) {
        Set<String> users = new HashSet<>();
        purchasesByUser.forEach((u, ps) -> {
            if (ps.stream().anyMatch(e -> shop.leafPath(e).equals(leaf))) {
                users.add(u);
            }
        });
        return users.size();
    }

    private static double seasonRatio(int[] counts, int[] all, int[] high, int[] low) {
        return shareIn(counts, all, high) / shareIn(counts, all, low);
    }

    private static double shareIn(int[] counts, int[] all, int[] months) {
        double c = 0;
        double a = 0;
        for (int m : months) {
            c += counts[m];
            a += all[m];
        }
        return c / a;
    }

    private static double pearson(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
