// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static dev.tailor.server.ServerFixture.INGEST;
import static dev.tailor.server.ServerFixture.READ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.core.domain.Item;
import dev.tailor.server.catalog.LiveCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chinese and English search on the sample shop, re-ranked by the customer's taste. */
class SearchTest {
    private static ServerFixture fx;

    @BeforeAll
    static void start() {
        fx = SharedServer.get();
    }

    private static String zhTitle(Item i) {
        return "zh".equals(i.language()) ? i.title() : i.localizedTitles().getOrDefault("zh", "");
    }

    private static List<Item> phoneCases() {
        LiveCatalog.View cat = fx.server.catalog().view();
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < cat.size(); i++) {
            if (zhTitle(cat.item(i)).contains("手机壳")) {
                out.add(cat.item(i));
            }
        }
        return out;
    }

    private static JsonNode search(String customer, String q, int k) {
        ApiClient.Answer a = fx.client.get("/v1/users/" + customer + "/search?k=" + k + "&q=" + ApiClient.q(q), READ);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    @Test
    void aChineseProductWordFindsItemsWithThatWordInTheChineseTitle() {
        List<Item> cases = phoneCases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(5);
        String customer = fx.server.models().get().histories().userId(3);
        JsonNode r = search(customer, "手机壳", 10);
        assertThat(r.path("items").size()).isEqualTo(Math.min(10, cases.stream().filter(Item::available).count()));
        List<String> ids = cases.stream().map(Item::id).toList();
        r.path("items").forEach(i -> {
            assertThat(ids).contains(i.path("id").asText());
            assertThat(i.path("source").asText()).isEqualTo("search");
            assertThat(i.path("reason").asText()).startsWith("Matches \u201c手机壳\u201d");
        });
        assertThat(r.path("query").asText()).isEqualTo("手机壳");
    }

    @Test
    void englishQueriesAreStemmedAndFindEnglishTitles() {
        String customer = fx.server.models().get().histories().userId(3);
        JsonNode r = search(customer, "phone cases", 5);
        assertThat(r.path("items").size()).isGreaterThan(0);
        r.path("items").forEach(i -> assertThat(i.path("category").asText()).isEqualTo("Electronics > Phone cases"));
    }

    @Test
    void resultsFollowTheCustomersBrandTaste() {
        List<Item> cases = phoneCases().stream().filter(Item::available).toList();
        // Two brands with at least two available cases each.
        Map<String, List<Item>> byBrand = new java.util.TreeMap<>();
        cases.forEach(i -> byBrand.computeIfAbsent(i.brand(), b -> new ArrayList<>()).add(i));
        List<String> brands = byBrand.entrySet().stream().filter(e -> e.getValue().size() >= 2).map(Map.Entry::getKey)
                .toList();
        assertThat(brands).hasSizeGreaterThanOrEqualTo(2);
        String[] customers = {"search-fan-a", "search-fan-b"};
        for (int c = 0; c < 2; c++) {
            assertThat(fx.client.post("/v1/customers", INGEST, Map.of("id", customers[c])).status()).isEqualTo(200);
            for (Item i : byBrand.get(brands.get(c))) {
                assertThat(fx.client.post("/v1/events", INGEST, Map.of("type", "view", "user_id", customers[c],
                        "item_id", i.id())).status()).isEqualTo(200);
            }
        }
        List<String> firsts = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            JsonNode r = search(customers[c], "手机壳", 5);
            JsonNode first = r.path("items").get(0);
            assertThat(first.path("brand").asText()).as("customer %s who likes %s: %s", customers[c],
                    brands.get(c), r).isEqualTo(brands.get(c));
            assertThat(first.path("reason").asText()).contains(brands.get(c) + ", a brand you like");
            firsts.add(first.path("id").asText());
        }
        assertThat(firsts.get(0)).isNotEqualTo(firsts.get(1));
    }

    @Test
    void aNewItemIsSearchableAtOnce() {
        assertThat(fx.client.post("/v1/items", INGEST, Map.of("id", "search-new-1", "title", "超轻碳纤维登山杖",
                "category", "Sports > Camping", "language", "zh", "titles", Map.of("en", "Ultralight carbon "
                        + "trekking pole"))).status()).isEqualTo(200);
        String customer = fx.server.models().get().histories().userId(4);
        assertThat(search(customer, "登山杖", 5).path("items").get(0).path("id").asText()).isEqualTo("search-new-1");
        assertThat(search(customer, "trekking poles", 5).path("items").get(0).path("id").asText())
                .isEqualTo("search-new-1");
    }
}
