// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static dev.tailor.server.ServerFixture.READ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every scene over real HTTP on the sample shop: items with a score, the source that proposed them and a reason,
 * under a request id; and the common parameters (k, category, price range, in stock, exclude, diversity)
 * honoured by each.
 */
class ScenesTest {
    private static ServerFixture fx;
    private static String customer;
    private static String item;

    @BeforeAll
    static void start() {
        fx = SharedServer.get();
        customer = fx.server.models().get().histories().userId(1);
        item = fx.server.models().get().popular().size() > 0
                ? fx.server.catalog().view().id(fx.server.models().get().popular().item(0))
                : fx.server.catalog().view().id(0);
    }

    private static ApiClient.Answer get(String path) {
        ApiClient.Answer a = fx.client.get(path, READ);
        assertThat(a.status()).as("%s: %s", path, a.body()).isEqualTo(200);
        return a;
    }

    /** The item lists of an answer: its rows' lists for the homepage, else its one list. */
    private static List<JsonNode> lists(JsonNode answer) {
        List<JsonNode> out = new ArrayList<>();
        if (answer.has("rows")) {
            answer.path("rows").forEach(r -> out.add(r.path("items")));
        } else {
            out.add(answer.path("items"));
        }
        return out;
    }

    private static List<JsonNode> items(JsonNode answer) {
        List<JsonNode> out = new ArrayList<>();
        lists(answer).forEach(l -> l.forEach(out::add));
        return out;
    }

    private List<String> scenePaths() {
        List<String> paths = new ArrayList<>(List.of(
                "/v1/users/" + customer + "/home",
                "/v1/items/" + item + "/similar",
                "/v1/items/" + item + "/bought-together",
                "/v1/users/" + customer + "/search?q=" + ApiClient.q("phone case")));
        for (String segment : fx.server.models().get().segments().toArray()) {
            paths.add("/v1/segments/" + segment + "/promotions");
        }
        return paths;
    }

    @Test
    void everySceneAnswersScoredItemsWithSourcesReasonsAndARequestId() {
        Set<String> requestIds = new HashSet<>();
        for (String path : scenePaths()) {
            ApiClient.Answer a = get(path);
            String id = a.json().path("request_id").asText();
            assertThat(id).as(path).isNotBlank();
            assertThat(a.header("X-Request-Id")).isEqualTo(id);
            assertThat(requestIds.add(id)).as("request ids are unique").isTrue();
            assertThat(a.json().path("model_set").asText()).startsWith("v");
            List<JsonNode> items = items(a.json());
            assertThat(items).as(path).isNotEmpty();
            for (JsonNode i : items) {
                assertThat(i.path("id").asText()).isNotBlank();
                assertThat(i.path("title").asText()).isNotBlank();
                assertThat(i.path("score").isNumber()).as("%s: %s", path, i).isTrue();
                assertThat(i.path("source").asText()).isNotBlank();
                assertThat(i.path("reason").asText()).as("%s: %s", path, i).isNotBlank();
            }
        }
    }

    @Test
    void promotionsDifferBySegmentAndSayWhoTheyAreFor() {
        List<String> segments = List.of(fx.server.models().get().segments().toArray());
        assertThat(segments).contains("parents", "retirees");
        JsonNode parents = get("/v1/segments/parents/promotions?k=10").json();
        JsonNode retirees = get("/v1/segments/retirees/promotions?k=10").json();
        assertThat(parents.path("items").size()).isEqualTo(10);
        assertThat(parents.path("items").findValuesAsText("reason")).anySatisfy(r -> assertThat(r).contains("parents"));
        assertThat(parents.path("items").findValuesAsText("id"))
                .isNotEqualTo(retirees.path("items").findValuesAsText("id"));
    }

    @Test
    void theCommonParametersAreHonouredByEveryScene() {
        for (String path : scenePaths()) {
            String sep = path.contains("?") ? "&" : "?";
            // k bounds every list.
            lists(get(path + sep + "k=3").json()).forEach(l -> assertThat(l.size()).as(path).isLessThanOrEqualTo(3));
            // A price range and in-stock.
            for (JsonNode i : items(get(path + sep + "min_price=20&max_price=200&in_stock=true").json())) {
                assertThat(i.path("price").asDouble()).as("%s: %s", path, i).isBetween(20.0, 200.0);
                assertThat(i.path("available").asBoolean()).as("%s: %s", path, i).isTrue();
            }
            // Excluded ids never come back.
            List<JsonNode> plain = items(get(path).json());
            List<String> excluded = plain.stream().limit(3).map(i -> i.path("id").asText()).toList();
            List<String> rest = items(get(path + sep + "exclude=" + String.join(",", excluded)).json()).stream()
                    .map(i -> i.path("id").asText()).toList();
            assertThat(rest).as(path).doesNotContainAnyElementsOf(excluded);
            // A category keeps to it.
            String root = plain.get(0).path("category").asText().split(" > ")[0];
            for (JsonNode i : items(get(path + sep + "category=" + ApiClient.q(root)).json())) {
                assertThat(i.path("category").asText()).as(path).startsWith(root);
            }
        }
    }

    @Test
    void diversityWidensTheCategoriesOfAList() {
        String path = "/v1/items/" + item + "/similar?k=10&diversity=";
        Set<String> narrow = new HashSet<>(items(get(path + "0").json()).stream()
                .map(i -> i.path("category").asText()).toList());
        Set<String> wide = new HashSet<>(items(get(path + "1").json()).stream()
                .map(i -> i.path("category").asText()).toList());
        assertThat(wide.size()).as("categories with diversity 1 %s, 0 %s", wide, narrow)
                .isGreaterThan(narrow.size());
    }
}
