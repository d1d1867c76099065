// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.tailor.core.domain.Item;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final GeneratedShop shop = GeneratedShop.demo();

    @Property
    void allocationGivesEveryLeafItsShare(@ForAll @IntRange(min = 1, max = 200_000) int items) {
        int[] counts = Catalog.allocate(items);
        int leaves = Taxonomy.LEAVES.size();
        double totalWeight = Taxonomy.LEAVES.stream().mapToDouble(LeafCategory::catalogWeight).sum();
        int sum = 0;
        int rest = items >= leaves ? items - leaves : items;
        for (int l = 0; l < leaves; l++) {
            sum += counts[l];
            int floor = items >= leaves ? 1 : 0;
            double exact = rest * Taxonomy.LEAVES.get(l).catalogWeight() / totalWeight;
            assertThat(counts[l] - floor).isBetween((int) Math.floor(exact), (int) Math.floor(exact) + 1);
        }
        assertThat(sum).isEqualTo(items);
    }

    @Test
    void everyItemHasAChineseAndAnEnglishTitle() {
        int chinese = 0;
        for (Item item : shop.items) {
            assertThat(item.language()).isIn("zh", "en");
            String zh = item.title("zh");
            String en = item.title("en");
            assertThat(item.localizedTitles()).hasSize(1);
            assertThat(hasHan(zh)).as(zh).isTrue();
            assertThat(hasHan(en)).as(en).isFalse();
            assertThat(en).matches("[\\p{IsLatin}0-9 ,.+'&\\-]+");
            assertThat(hasHan(item.description())).isEqualTo(item.language().equals("zh"));
            if (item.language().equals("zh")) {
                chinese++;
            }
        }
        assertThat(chinese / (double) shop.items.size()).isCloseTo(shop.config.chineseTitleRate(), offset(0.04));
    }

    @Test
    void titlesNameBrandProductAndVariant() {
        Item phone = shop.items.stream().filter(i -> i.leafCategory().equals("Phones")).findFirst().orElseThrow();
        assertThat(phone.title("en")).startsWith(phone.brand()).contains(phone.attributes().get("colour"));
        assertThat(phone.title("en")).containsPattern("(128|256|512)GB");
        assertThat(phone.title("zh")).containsPattern("(128|256|512)GB")
                .containsAnyOf("黑色", "白色", "蓝色", "紫色", "绿色", "银色", "金色");
        assertThat(phone.categoryPath()).containsExactly("Electronics", "Phones");
    }

    @Test
    void coversTheWholeTaxonomyWithUniqueIds() {
        Set<String> leaves = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Item item : shop.items) {
            assertThat(item.id()).matches("i\\d{6}");
            ids.add(item.id());
            assertThat(item.categoryPath()).hasSize(2);
            leaves.add(String.join(" > ", item.categoryPath()));
        }
        assertThat(ids).hasSize(shop.items.size());
        assertThat(leaves).containsExactlyInAnyOrderElementsOf(PlantedStructure.of(shop.config).categories());
    }

    @Test
    void pricesArePlausibleShopPricePoints() {
        Map<Integer, List<Double>> logPriceByTier = new HashMap<>();
        for (Item item : shop.items) {
            BigDecimal p = item.price().amount();
            assertThat(item.price().currency()).isEqualTo("CNY");
            assertThat(p).isGreaterThanOrEqualTo(new BigDecimal("1.9"));
            // 9.9 and 39.9 below 100; whole prices ending in 9 (99, 399, 2999) from 99 up.
            if (p.scale() > 0) {
                assertThat(p.toPlainString()).endsWith(".9");
                assertThat(p).isLessThan(BigDecimal.valueOf(100));
            } else {
                assertThat(p.toPlainString()).endsWith("9");
                assertThat(p).isGreaterThanOrEqualTo(BigDecimal.valueOf(99));
            }
            LeafCategory leaf = Taxonomy.LEAVES.get(Taxonomy.leafIndex(item.leafCategory()));
            int tier = leaf.brands().stream().filter(b -> b.name().en().equals(item.brand())).findFirst()
                    .orElseThrow().tier();
            logPriceByTier.computeIfAbsent(tier, t -> new ArrayList<>())
                    .add(Math.log(p.doubleValue() / leaf.medianPrice()));
        }
        // Brand premium: relative to its leaf's median, premium brands cost more than mid-range, mid more than budget.
        double budget = mean(logPriceByTier.get(1));
        double mid = mean(logPriceByTier.get(2));
        double premium = mean(logPriceByTier.get(3));
        assertThat(budget).isLessThan(mid - 0.2);
        assertThat(mid).isLessThan(premium - 0.3);
    }

    @Test
    void stockNewnessAndTagsFollowTheConfig() {
        long start = shop.config.start().toEpochMilli();
        long end = shop.config.end().toEpochMilli();
        int unavailable = 0;
        int listedDuringPeriod = 0;
        for (Item item : shop.items) {
            long created = item.createdAt().toEpochMilli();
            assertThat(created).isLessThan(end);
            if (!item.available()) {
                unavailable++;
            }
            if (created >= start) {
                listedDuringPeriod++;
            }
            assertThat(item.tags().contains("new")).isEqualTo(created >= end - 45 * ShopCalendar.DAY_MS);
            assertThat(item.tags().contains("free-shipping")).isEqualTo(item.price().doubleValue() >= 99);
            assertThat(item.tags()).doesNotHaveDuplicates();
        }
        double n = shop.items.size();
        assertThat(unavailable / n).isCloseTo(shop.config.outOfStockRate(), offset(0.015));
        assertThat(listedDuringPeriod / n).isCloseTo(shop.config.newItemRate(), offset(0.03));
    }

    @Test
    void attributesFollowTheLeafVocabulary() {
        for (Item item : shop.items) {
            LeafCategory leaf = Taxonomy.LEAVES.get(Taxonomy.leafIndex(item.leafCategory()));
            assertThat(item.attributes().containsKey("colour")).isEqualTo(!leaf.colours().isEmpty());
            assertThat(item.attributes().containsKey("size")).isEqualTo(!leaf.sizes().isEmpty());
            assertThat(item.attributes().containsKey("material")).isEqualTo(!leaf.materials().isEmpty());
        }
    }

    /** Empirical draw frequencies against the Zipf law computed directly (a naive oracle). */
    @Test
    void popularityWithinALeafFollowsZipf() {
        Catalog catalog = new Catalog(shop.config);
        int leaf = Taxonomy.leafIndex("Phones");
        int n = catalog.leafSize(leaf);
        double norm = 0;
        for (int r = 0; r < n; r++) {
            norm += 1.0 / (r + 1);
        }
        int draws = 200_000;
        int[] byRank = new int[n];
        ShopRandom random = new ShopRandom(99);
        for (int k = 0; k < draws; k++) {
            int item = catalog.popularInLeaf(random, leaf);
            assertThat(catalog.leaf(item)).isEqualTo(leaf);
            byRank[catalog.rank(item)]++;
        }
        for (int r : new int[] {0, 1, 4, 20}) {
            double expected = draws / (r + 1.0) / norm;
            assertThat((double) byRank[r]).as("rank " + r).isCloseTo(expected, offset(5 * Math.sqrt(expected)));
        }
    }

    private static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
