// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Invariants every generated event obeys, and the shape of the funnel, on the demo shop. */
class BehaviourSimulatorTest {
    private final GeneratedShop shop = GeneratedShop.demo();

    @Test
    void everyEventIsWellFormedAndPlausible() {
        long start = shop.config.start().toEpochMilli();
        long end = shop.config.end().toEpochMilli();
        Set<String> scenes = Set.of(EventBuffer.SCENES);
        Set<String> keys = new HashSet<>();
        Map<String, Long> lastTime = new HashMap<>();
        for (Event e : shop.events) {
            long t = e.timestamp().toEpochMilli();
            Customer c = shop.customerById.get(e.userId());
            assertThat(c).as(e.userId()).isNotNull();
            assertThat(t).isGreaterThanOrEqualTo(Math.max(start, c.signupAt().toEpochMilli())).isLessThan(end);
            // Customer by customer, each in strictly increasing time: no two events collide under de-duplication.
            Long previous = lastTime.put(e.userId(), t);
            assertThat(previous == null || previous < t).isTrue();
            assertThat(keys.add(e.userId() + "|" + e.itemId() + "|" + e.type() + "|" + t)).isTrue();
            assertThat(e.sessionId()).matches("s[0-9a-f]{16}");
            assertThat(e.scene()).isIn(scenes);
            if (e.type() == EventType.SEARCH) {
                assertThat(e.itemId()).isNull();
                assertThat(e.query()).isNotBlank();
            } else {
                Item item = shop.item(e);
                assertThat(item).as(e.itemId()).isNotNull();
                assertThat(item.createdAt().toEpochMilli()).isLessThanOrEqualTo(t);
                assertThat(e.query()).isNull();
            }
            if (e.type() == EventType.ADD_TO_CART || e.type() == EventType.PURCHASE) {
                assertThat(shop.item(e).available()).isTrue();
                assertThat(e.value()).isIn(1.0, 2.0, 3.0);
            } else {
                assertThat(e.value()).isEqualTo(1.0);
            }
        }
        // Events arrive customer by customer, in customer order.
        List<String> order = new ArrayList<>();
        for (Event e : shop.events) {
            if (order.isEmpty() || !order.get(order.size() - 1).equals(e.userId())) {
                order.add(e.userId());
            }
        }
        assertThat(order).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void sessionIdsAreOpaqueAndEachBelongsToOneCustomer() {
        GeneratedShop withSlates = GeneratedShop.of(SampleShopConfig.builder().items(300).customers(1_000)
                .impressions(true).seed(9).build());
        Map<String, String> owner = new HashMap<>();
        String previous = null;
        for (Event e : withSlates.events) {
            // A store that pseudonymizes customer ids keeps session and request ids as sent.
            assertThat(e.sessionId()).doesNotContain(e.userId()).doesNotContain(e.userId().substring(1));
            if (e.requestId() != null) {
                assertThat(e.requestId()).doesNotContain(e.userId()).doesNotContain(e.userId().substring(1));
            }
            String was = owner.putIfAbsent(e.sessionId(), e.userId());
            assertThat(was).as(e.sessionId()).isIn(null, e.userId());
            if (!e.sessionId().equals(previous)) {
                // Sessions are contiguous: a session id never comes back after another session's events.
                assertThat(was).as(e.sessionId()).isNull();
            }
            previous = e.sessionId();
        }
        assertThat(owner).hasSizeGreaterThan(1_000);
    }

    @Test
    void everyStepOfTheFunnelFollowsThePreviousOneInItsSession() {
        Map<String, Set<String>> seen = new HashMap<>();
        for (Event e : shop.events) {
            Set<String> s = seen.computeIfAbsent(e.sessionId(), k -> new HashSet<>());
            String previous = switch (e.type()) {
                case CLICK -> e.requestId() != null ? "impression" : "view";
                case FAVORITE, ADD_TO_CART -> "click";
                case PURCHASE -> "add-to-cart";
                default -> null;
            };
            if (previous != null) {
                assertThat(s).as(e.toString()).contains(previous + "|" + e.itemId());
            }
            s.add(e.type().wireName() + "|" + e.itemId());
        }
    }

    @Test
    void funnelNarrowsAtRealisticRates() {
        Map<EventType, Long> n = shop.summary.eventsByType();
        long views = n.get(EventType.VIEW);
        long clicks = n.get(EventType.CLICK);
        long carts = n.get(EventType.ADD_TO_CART);
        long purchases = n.get(EventType.PURCHASE);
        assertThat(views).isGreaterThan(clicks);
        assertThat(clicks).isGreaterThan(carts);
        assertThat(carts).isGreaterThan(purchases);
        assertThat((double) clicks / views).isBetween(0.2, 0.45);
        assertThat((double) carts / clicks).isBetween(0.15, 0.4);
        assertThat((double) purchases / carts).isBetween(0.4, 0.7);
        assertThat((double) purchases / views).isBetween(0.02, 0.06);
        assertThat(n.get(EventType.SEARCH)).isPositive();
        assertThat(n.get(EventType.FAVORITE)).isPositive();
        assertThat(n.get(EventType.IMPRESSION)).isZero();
        // About 7.5 events per session, 8 sessions per customer: the demo is around 300,000 events.
        assertThat(shop.summary.events()).isBetween(200_000L, 400_000L);
    }

    @Test
    void activityIsHeavyTailed() {
        Map<String, Integer> perCustomer = new HashMap<>();
        for (Event e : shop.events) {
            perCustomer.merge(e.userId(), 1, Integer::sum);
        }
        int[] counts = new int[shop.customers.size()];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = perCustomer.getOrDefault(shop.customers.get(k).id(), 0);
        }
        Arrays.sort(counts);
        long total = Arrays.stream(counts).asLongStream().sum();
        long top10 = Arrays.stream(counts, counts.length * 9 / 10, counts.length).asLongStream().sum();
        assertThat((double) top10 / total).isGreaterThan(0.3);
        assertThat(counts[counts.length - 1]).isGreaterThan(10 * counts[counts.length / 2]);
    }

    @Test
    void searchesUseTheCustomersLanguageAndLeadToMatchingItems() {
        int own = 0;
        int searches = 0;
        int matching = 0;
        int followed = 0;
        for (int k = 0; k < shop.events.size(); k++) {
            Event e = shop.events.get(k);
            if (e.type() != EventType.SEARCH) {
                continue;
            }
            searches++;
            boolean zhQuery = e.query().codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            boolean zhCustomer = shop.customerById.get(e.userId()).attributes().get("language").equals("zh");
            if (zhQuery == zhCustomer) {
                own++;
            }
            if (k + 1 < shop.events.size() && shop.events.get(k + 1).sessionId().equals(e.sessionId())) {
                followed++;
                LeafCategory leaf = Taxonomy.LEAVES.get(Taxonomy.leafIndex(shop.leafPath(shop.events.get(k + 1))));
                String q = e.query().toLowerCase(Locale.ROOT);
                if (leaf.products().stream().anyMatch(p -> q.contains(p.name().en().toLowerCase(Locale.ROOT))
                        || q.contains(p.name().zh()))) {
                    matching++;
                }
            }
        }
        assertThat((double) own / searches).isBetween(0.85, 0.95);
        assertThat((double) matching / followed).isGreaterThan(0.95);
    }

    @Test
    void consumablesAreReordered() {
        Map<Boolean, int[]> repeatAndAll = new HashMap<>();
        Set<String> bought = new HashSet<>();
        int reorders = 0;
        for (Event e : shop.events) {
            if (e.scene().equals("orders")) {
                reorders++;
            }
            if (e.type() != EventType.PURCHASE) {
                continue;
            }
            boolean consumable = Taxonomy.LEAVES.get(Taxonomy.leafIndex(shop.leafPath(e))).consumable();
            int[] counts = repeatAndAll.computeIfAbsent(consumable, k -> new int[2]);
            if (!bought.add(e.userId() + "|" + e.itemId())) {
                counts[0]++;
            }
            counts[1]++;
        }
        double consumableRepeat = (double) repeatAndAll.get(true)[0] / repeatAndAll.get(true)[1];
        double durableRepeat = (double) repeatAndAll.get(false)[0] / repeatAndAll.get(false)[1];
        assertThat(reorders).isPositive();
        assertThat(consumableRepeat).isGreaterThan(0.2).isGreaterThan(4 * durableRepeat);
    }

    @Test
    void customersStayLoyalToTheirBrands() {
        Map<String, Map<String, Integer>> brandsByUserLeaf = new HashMap<>();
        for (Event e : shop.events) {
            if (e.type() == EventType.PURCHASE) {
                brandsByUserLeaf.computeIfAbsent(e.userId() + "|" + shop.leafPath(e), k -> new HashMap<>())
                        .merge(shop.item(e).brand(), 1, Integer::sum);
            }
        }
        double modalShare = 0;
        int groups = 0;
        for (Map<String, Integer> brands : brandsByUserLeaf.values()) {
            int total = brands.values().stream().mapToInt(Integer::intValue).sum();
            if (total >= 3) {
                modalShare += brands.values().stream().mapToInt(Integer::intValue).max().orElseThrow() / (double) total;
                groups++;
            }
        }
        assertThat(groups).isGreaterThan(100);
        // Leaves have 4 to 7 brands: without loyalty the favourite brand would get well under half.
        assertThat(modalShare / groups).isGreaterThan(0.7);
    }

    @Test
    void loggedSlatesShowPositionBias() {
        GeneratedShop withSlates = GeneratedShop.of(SampleShopConfig.builder().items(500).customers(3_000)
                .impressions(true).seed(5).build());
        int[] shown = new int[BehaviourSimulator.SLATE_SIZE];
        int[] clicked = new int[BehaviourSimulator.SLATE_SIZE];
        Map<EventType, Integer> withRequest = new EnumMap<>(EventType.class);
        for (Event e : withSlates.events) {
            if (e.requestId() == null) {
                assertThat(e.position()).isNull();
                continue;
            }
            assertThat(e.requestId()).isEqualTo(e.sessionId() + "-r1");
            assertThat(e.scene()).isEqualTo("home");
            withRequest.merge(e.type(), 1, Integer::sum);
            if (e.type() == EventType.IMPRESSION) {
                shown[e.position()]++;
            } else {
                clicked[e.position()]++;
            }
        }
        assertThat(withRequest.keySet()).containsExactlyInAnyOrder(EventType.IMPRESSION, EventType.CLICK);
        double ctrTop = (double) clicked[0] / shown[0];
        double ctrBottom = (double) clicked[7] / shown[7];
        assertThat(ctrTop).isBetween(0.08, 0.2);
        assertThat(ctrBottom).isLessThan(ctrTop / 2);
    }
}
