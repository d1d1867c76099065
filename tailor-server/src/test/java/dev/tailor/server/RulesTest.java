// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static dev.tailor.server.ServerFixture.ADMIN;
import static dev.tailor.server.ServerFixture.INGEST;
import static dev.tailor.server.ServerFixture.READ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Business rules set through the admin endpoint act on the next request: boost, bury, pin, caps, exclusions. */
class RulesTest {
    private static ServerFixture fx;
    private static JsonNode original;

    @BeforeAll
    static void start() {
        fx = SharedServer.get();
        original = fx.client.get("/v1/admin/rules", ADMIN).json();
    }

    @AfterEach
    void restore() {
        assertThat(fx.client.put("/v1/admin/rules", ADMIN, Map.of("rules", original.path("rules"))).status())
                .isEqualTo(200);
    }

    private static void rules(Object... rules) {
        List<Object> list = new ArrayList<>(List.of(Map.of("type", "exclude-purchased"),
                Map.of("type", "exclude-unavailable")));
        list.addAll(List.of(rules));
        ApiClient.Answer a = fx.client.put("/v1/admin/rules", ADMIN, Map.of("rules", list));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    /** An item with many viewed-together neighbours, so that its similar list is long and varied. */
    private static String busyItem() {
        var m = fx.server.models().get();
        int best = 0;
        for (int i = 0; i < m.catalogSize(); i++) {
            if (m.similar().count(i) > m.similar().count(best)) {
                best = i;
            }
        }
        return fx.server.catalog().view().id(best);
    }

    private static JsonNode similar(String item, String params) {
        ApiClient.Answer a = fx.client.get("/v1/items/" + item + "/similar?k=10&diversity=0" + params, READ);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().path("items");
    }

    private static List<String> field(JsonNode items, String name) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path(name).asText()));
        return out;
    }

    @Test
    void boostAndBuryByBrandReorderTheList() {
        String item = busyItem();
        JsonNode base = similar(item, "");
        String lastBrand = base.get(base.size() - 1).path("brand").asText();
        String firstBrand = base.get(0).path("brand").asText();
        rules(Map.of("type", "boost", "factor", 100, "when", Map.of("brand", lastBrand)));
        assertThat(similar(item, "").get(0).path("brand").asText()).isEqualTo(lastBrand);
        rules(Map.of("type", "bury", "factor", 0, "when", Map.of("brand", firstBrand), "scenes", List.of("similar")));
        JsonNode buried = similar(item, "");
        List<String> brands = field(buried, "brand");
        int firstOther = brands.indexOf(brands.stream().filter(b -> !b.equals(firstBrand)).findFirst().orElse(""));
        assertThat(brands.subList(0, Math.max(0, firstOther))).doesNotContain(firstBrand);
        // A rule scoped to another scene leaves this one alone.
        rules(Map.of("type", "boost", "factor", 100, "when", Map.of("brand", lastBrand), "scenes", List.of("home")));
        assertThat(field(similar(item, ""), "id")).isEqualTo(field(base, "id"));
    }

    @Test
    void pinsPlaceAnItemWithItsOwnReason() {
        String item = busyItem();
        JsonNode base = similar(item, "");
        String pinned = fx.server.catalog().view().id(fx.server.catalog().size() - 1);
        rules(Map.of("type", "pin", "item", pinned, "position", 1, "reason", "Editor's pick"));
        JsonNode r = similar(item, "");
        assertThat(r.size()).isEqualTo(base.size());
        assertThat(r.get(1).path("id").asText()).isEqualTo(pinned);
        assertThat(r.get(1).path("reason").asText()).isEqualTo("Editor's pick");
        assertThat(r.get(1).path("source").asText()).isEqualTo("pin");
        assertThat(r.get(0).path("id").asText()).isEqualTo(base.get(0).path("id").asText());
    }

    @Test
    void categoryCapsLimitItemsPerCategory() {
        String item = busyItem();
        rules(Map.of("type", "category-cap", "max", 1));
        JsonNode r = similar(item, "");
        Map<String, Integer> perCategory = new HashMap<>();
        r.forEach(i -> perCategory.merge(i.path("category").asText(), 1, Integer::sum));
        assertThat(perCategory.values()).allMatch(n -> n == 1);
        assertThat(r.size()).isGreaterThan(1);
    }

    @Test
    void purchasedItemsDisappearAtOnceAndFiltersApply() {
        String item = busyItem();
        String customer = "rules-buyer";
        assertThat(fx.client.post("/v1/customers", INGEST, Map.of("id", customer)).status()).isEqualTo(200);
        JsonNode base = similar(item, "&user=" + customer);
        String bought = base.get(0).path("id").asText();
        assertThat(fx.client.post("/v1/events", INGEST, Map.of("type", "purchase", "user_id", customer, "item_id",
                bought)).status()).isEqualTo(200);
        assertThat(field(similar(item, "&user=" + customer), "id")).doesNotContain(bought);
        assertThat(field(similar(item, ""), "id")).contains(bought);
        String category = base.get(0).path("category").asText();
        JsonNode filtered = similar(item, "&category=" + ApiClient.q(category.substring(0, category.indexOf(" >")))
                + "&max_price=1000000&exclude=" + ApiClient.q(bought));
        filtered.forEach(i -> assertThat(i.path("category").asText()).startsWith(category.substring(0,
                category.indexOf(" >"))));
        assertThat(field(filtered, "id")).doesNotContain(bought);
    }
}
