// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance scenario over real HTTP: a sample shop ingested through the API, models trained through the
 * admin endpoint, then a customer browses a category and the very next homepage follows.
 */
class EndToEndTest {
    private static ServerFixture fx;
    private static SampleShopUpload shop;

    @BeforeAll
    static void upload() {
        fx = ServerFixture.start();
        shop = SampleShopUpload.generate(400, 300, 4, 11);
        shop.post(fx.client, ServerFixture.INGEST, 500);
        // Everything posted is in the store, exactly once.
        assertThat(fx.store.stats().items()).isEqualTo(shop.items.size());
        assertThat(fx.store.stats().customers()).isEqualTo(shop.customers.size());
        assertThat(fx.store.stats().events()).isEqualTo(shop.events.size());
        ApiClient.Answer trained = fx.client.post("/v1/admin/train?wait=true", ServerFixture.ADMIN, "{}");
        assertThat(trained.status()).as(trained.body()).isEqualTo(200);
        assertThat(trained.json().path("model_set").path("events").asLong()).isGreaterThan(1_000);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static String root(String category) {
        int cut = category.indexOf(" > ");
        return cut < 0 ? category : category.substring(0, cut);
    }

    private static JsonNode row(JsonNode home, String kind) {
        for (JsonNode r : home.path("rows")) {
            if (r.path("kind").asText().equals(kind)) {
                return r;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static long countRoot(JsonNode row, String root) {
        long n = 0;
        for (JsonNode i : row.path("items")) {
            if (root(i.path("category").asText()).equals(root)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void homepageFollowsFreshViewsWithinASecondAndSaysWhy() {
        String customer = shop.customers.get(17).id();
        JsonNode before = fx.client.get("/v1/users/" + customer + "/home", ServerFixture.READ).json();
        JsonNode forYouBefore = row(before, "for-you");
        assertThat(forYouBefore.path("items").size()).isEqualTo(10);

        // The root category least present in the customer's "For you" row, and its three most viewed items.
        Map<String, Item> byId = new HashMap<>();
        shop.items.forEach(i -> byId.put(i.id(), i));
        Map<String, Integer> views = new HashMap<>();
        for (Event e : shop.events) {
            if (e.itemId() != null) {
                views.merge(e.itemId(), 1, Integer::sum);
            }
        }
        Map<String, Long> rootCounts = new HashMap<>();
        for (Item i : shop.items) {
            rootCounts.putIfAbsent(i.categoryPath().get(0), countRoot(forYouBefore, i.categoryPath().get(0)));
        }
        String target = rootCounts.entrySet().stream().min(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        List<Item> picks = new ArrayList<>(shop.items.stream()
                .filter(i -> i.categoryPath().get(0).equals(target) && i.available())
                .sorted(Comparator.comparing((Item i) -> -views.getOrDefault(i.id(), 0)).thenComparing(Item::id))
                .limit(3).toList());
        assertThat(picks).hasSize(3);

        long eventsBefore = fx.store.stats().events();
        long t0 = System.nanoTime();
        for (Item i : picks) {
            ApiClient.Answer a = fx.client.post("/v1/events", ServerFixture.INGEST,
                    Map.of("type", "view", "user_id", customer, "item_id", i.id()));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
        }
        JsonNode after = fx.client.get("/v1/users/" + customer + "/home", ServerFixture.READ).json();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(millis).as("events posted and homepage served").isLessThan(1_000);
        // The views are persisted too, not only held in memory.
        assertThat(fx.store.stats().events()).isEqualTo(eventsBefore + picks.size());

        JsonNode forYouAfter = row(after, "for-you");
        assertThat(countRoot(forYouAfter, target)).as("'For you' items in %s: before %s, after %s", target,
                forYouBefore, forYouAfter).isGreaterThan(countRoot(forYouBefore, target))
                .isGreaterThanOrEqualTo(3);
        Item last = picks.get(2);
        JsonNode because = row(after, "because-you-viewed");
        assertThat(because.path("anchor").path("id").asText()).isEqualTo(last.id());
        assertThat(because.path("title").asText()).isEqualTo("Because you viewed " + last.title());
        assertThat(because.path("items").size()).isGreaterThan(0);
        List<String> reasons = new ArrayList<>();
        forYouAfter.path("items").forEach(i -> reasons.add(i.path("reason").asText()));
        assertThat(reasons).anySatisfy(r -> assertThat(picks.stream().map(p -> "Because you viewed " + p.title()))
                .contains(r));
        // The viewed items themselves are not recommended back.
        after.path("rows").forEach(r -> r.path("items").forEach(i ->
                assertThat(picks.stream().map(Item::id)).doesNotContain(i.path("id").asText())));
    }
}
