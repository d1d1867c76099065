// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static dev.tailor.server.ServerFixture.ADMIN;
import static dev.tailor.server.ServerFixture.INGEST;
import static dev.tailor.server.ServerFixture.READ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.core.store.StoreStats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of bad request gets the right 4xx with a problem body that says what is wrong, and writes nothing. */
class BadInputTest {
    private static ServerFixture fx;
    private static String customer;
    private static String item;

    @BeforeAll
    static void start() {
        fx = SharedServer.get();
        customer = fx.server.models().get().histories().userId(0);
        item = fx.server.catalog().view().id(0);
    }

    /** Asserts a problem answer and returns its errors as field -> reason. */
    private static Map<String, String> problem(ApiClient.Answer a, int status, String type) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = a.json();
        assertThat(p.path("type").asText()).isEqualTo("/docs#" + type);
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("title").asText()).isNotBlank();
        assertThat(p.path("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        Map<String, String> errors = new HashMap<>();
        p.path("errors").forEach(e -> errors.put(e.path("field").asText(), e.path("reason").asText()));
        return errors;
    }

    private static StoreStats stats() {
        return fx.store.stats();
    }

    @Test
    void malformedJsonSaysWhere() {
        ApiClient.Answer a = fx.client.post("/v1/items", INGEST, "{\"id\": \"x\", \"title\": }");
        Map<String, String> errors = problem(a, 400, "validation");
        assertThat(errors.get("body")).contains("malformed JSON").contains("line 1, column");
    }

    @Test
    void trailingGarbageAndEmptyBodiesAreRejected() {
        problem(fx.client.post("/v1/items", INGEST, "{\"id\":\"x\",\"title\":\"t\"} {"), 400, "validation");
        assertThat(problem(fx.client.post("/v1/items", INGEST, ""), 400, "validation")).containsKey("body");
        assertThat(problem(fx.client.post("/v1/items/batch", INGEST, "[]"), 400, "validation").get("body"))
                .contains("expected an object");
    }

    @Test
    void wrongContentTypeIs415() {
        ApiClient.Answer a = fx.client.raw("POST", "/v1/items", INGEST, "text/plain",
                "{\"id\":\"x\",\"title\":\"t\"}".getBytes(StandardCharsets.UTF_8));
        problem(a, 415, "unsupported-media-type");
        assertThat(a.json().path("detail").asText()).contains("application/json").contains("text/plain");
        problem(fx.client.raw("POST", "/v1/events", INGEST, null, "{}".getBytes(StandardCharsets.UTF_8)), 415,
                "unsupported-media-type");
    }

    @Test
    void missingWrongAndUnderprivilegedKeys() {
        ApiClient.Answer none = fx.client.get("/v1/items/" + item + "/similar", null);
        problem(none, 401, "unauthorized");
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        problem(fx.client.get("/v1/items/" + item + "/similar", "not-a-real-key-000000"), 401, "unauthorized");
        ApiClient.Answer readKeyWrites = fx.client.post("/v1/items", READ, Map.of("id", "x", "title", "t"));
        problem(readKeyWrites, 403, "forbidden");
        assertThat(readKeyWrites.json().path("detail").asText()).contains("storefront").contains("ingest");
        problem(fx.client.post("/v1/admin/train", INGEST, "{}"), 403, "forbidden");
        problem(fx.client.get("/metrics", READ), 403, "forbidden");
        // The X-Api-Key header works as well as a bearer token; public endpoints need nothing.
        assertThat(fx.client.getWithApiKeyHeader("/v1/items/" + item + "/similar", READ).status()).isEqualTo(200);
        problem(fx.client.getWithApiKeyHeader("/v1/items/" + item + "/similar", "wrong-key-0123456789"), 401,
                "unauthorized");
        assertThat(fx.client.raw("GET", "/health", null, null, null).status()).isEqualTo(200);
    }

    @Test
    void unknownCustomerItemAndSegmentAre404() {
        assertThat(problem(fx.client.get("/v1/users/nobody-here/home", READ), 404, "not-found").isEmpty()).isTrue();
        assertThat(fx.client.get("/v1/users/nobody-here/home", READ).json().path("detail").asText())
                .contains("unknown customer 'nobody-here'");
        problem(fx.client.get("/v1/items/no-such-item/similar", READ), 404, "not-found");
        problem(fx.client.get("/v1/items/no-such-item/bought-together", READ), 404, "not-found");
        ApiClient.Answer seg = fx.client.get("/v1/segments/martians/promotions", READ);
        problem(seg, 404, "not-found");
        assertThat(seg.json().path("detail").asText()).contains("parents");
        problem(fx.client.get("/v1/items/" + item + "/similar?user=nobody-here", READ), 404, "not-found");
    }

    @Test
    void parametersAreCheckedByName() {
        Map<String, String> e = problem(fx.client.get("/v1/users/" + customer + "/home?k=0", READ), 400,
                "validation");
        assertThat(e.get("k")).contains("1..100").contains("0");
        assertThat(problem(fx.client.get("/v1/users/" + customer + "/home?k=101", READ), 400, "validation"))
                .containsKey("k");
        assertThat(problem(fx.client.get("/v1/users/" + customer + "/home?k=ten", READ), 400, "validation")
                .get("k")).contains("whole number");
        e = problem(fx.client.get("/v1/items/" + item + "/similar?diversity=2&min_price=-1&kk=3&lang=%3Cx%3E",
                READ), 400, "validation");
        assertThat(e).containsKeys("diversity", "min_price", "kk", "lang");
        assertThat(e.get("kk")).contains("unknown parameter");
        e = problem(fx.client.get("/v1/items/" + item + "/similar?min_price=50&max_price=10", READ), 400,
                "validation");
        assertThat(e.get("max_price")).contains("min_price");
        assertThat(problem(fx.client.get("/v1/users/" + customer + "/search", READ), 400, "validation").get("q"))
                .isEqualTo("missing");
        assertThat(problem(fx.client.get("/v1/users/" + customer + "/home?k=5&k=6", READ), 400, "validation")
                .get("k")).contains("2 times");
    }

    @Test
    void oversizeBatchesAndBodiesAre413AndWriteNothing() {
        StoreStats before = stats();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            items.add(Map.of("id", "big-" + i, "title", "Item " + i));
        }
        Map<String, String> e = problem(fx.client.post("/v1/items/batch", INGEST, Map.of("items", items)), 413,
                "batch-too-large");
        assertThat(e.get("items")).contains("at most 50");
        String huge = "{\"id\":\"x\",\"title\":\"" + "a".repeat(70_000) + "\"}";
        problem(fx.client.post("/v1/items", INGEST, huge), 413, "too-large");
        assertThat(stats().items()).isEqualTo(before.items());
        assertThat(fx.server.catalog().indexOf("big-0")).isEqualTo(-1);
    }

    @Test
    void aBatchWithOneBadRecordIsRejectedWholeNamingEachField() {
        StoreStats before = stats();
        List<Object> items = List.of(
                Map.of("id", "ok-1", "title", "Fine item", "price", 10),
                Map.of("id", "bad-1", "title", "Negative", "price", -5),
                Map.of("id", "bad-2", "price", "ten"),
                Map.of("id", "bad-3", "title", "Typo", "colour", "red"));
        Map<String, String> e = problem(fx.client.post("/v1/items/batch", INGEST, Map.of("items", items)), 400,
                "validation");
        assertThat(e).containsKeys("items[1].price", "items[2].title", "items[2].price", "items[3].colour");
        assertThat(e.get("items[1].price")).contains(">= 0");
        assertThat(e.get("items[3].colour")).contains("unknown field");
        assertThat(stats().items()).isEqualTo(before.items());
        assertThat(fx.server.catalog().indexOf("ok-1")).isEqualTo(-1);
    }

    @Test
    void eventsNamingUnknownCustomersOrItemsAreRejectedWhole() {
        StoreStats before = stats();
        List<Object> events = List.of(
                Map.of("type", "view", "user_id", customer, "item_id", item),
                Map.of("type", "view", "user_id", "ghost", "item_id", item),
                Map.of("type", "click", "user_id", customer, "item_id", "no-such-item"),
                Map.of("type", "teleport", "user_id", customer, "item_id", item),
                Map.of("type", "view", "user_id", customer, "item_id", item, "timestamp", "yesterday"));
        Map<String, String> e = problem(fx.client.post("/v1/events/batch", INGEST, Map.of("events", events)), 400,
                "validation");
        assertThat(e.get("events[3].type")).contains("unknown event type 'teleport'").contains("add-to-cart");
        assertThat(e.get("events[4].timestamp")).contains("ISO-8601");
        // Reference checks run once the records themselves are valid.
        e = problem(fx.client.post("/v1/events/batch", INGEST, Map.of("events", events.subList(0, 3))), 400,
                "validation");
        assertThat(e.get("events[1].user_id")).contains("unknown customer 'ghost'");
        assertThat(e.get("events[2].item_id")).contains("unknown item 'no-such-item'");
        assertThat(e).doesNotContainKey("events[0].user_id");
        assertThat(stats().events()).isEqualTo(before.events());
        e = problem(fx.client.post("/v1/events", INGEST, Map.of("type", "view", "user_id", "ghost",
                "item_id", item)), 400, "validation");
        assertThat(e).containsKey("user_id");
    }

    @Test
    void wrongShapesAndTypesNameTheirFields() {
        Map<String, String> e = problem(fx.client.post("/v1/customers/batch", INGEST,
                Map.of("customers", List.of(Map.of("id", "c1", "age", 300), Map.of("id", 5), "text"))), 400,
                "validation");
        assertThat(e.get("customers[0].age")).contains("0..130");
        assertThat(e.get("customers[1].id")).contains("expected a string");
        assertThat(e.get("customers[2]")).contains("expected a JSON object");
        e = problem(fx.client.post("/v1/items/batch", INGEST, Map.of("things", List.of())), 400, "validation");
        assertThat(e).containsKeys("things", "items");
        e = problem(fx.client.post("/v1/items/batch", INGEST, Map.of("items", List.of())), 400, "validation");
        assertThat(e.get("items")).contains("empty");
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        problem(fx.client.get("/v1/nowhere", READ), 404, "not-found");
        ApiClient.Answer a = fx.client.raw("DELETE", "/v1/items/" + item + "/similar", READ, null, null);
        problem(a, 405, "method-not-allowed");
    }

    @Test
    void invalidRulesAreRejectedWithTheirPaths() {
        Map<String, String> e = problem(fx.client.put("/v1/admin/rules", ADMIN, Map.of("rules", List.of(
                Map.of("type", "boost", "factor", 0.5, "when", Map.of("brand", "Apple")),
                Map.of("type", "pin", "position", 3),
                Map.of("type", "teleport"),
                Map.of("type", "category-cap", "max", 0, "scenes", List.of("checkout"))))), 400, "validation");
        assertThat(e.get("rules[0].factor")).contains("(1, 100]");
        assertThat(e.get("rules[1]")).contains("exactly one of");
        assertThat(e.get("rules[2].type")).contains("unknown rule type");
        assertThat(e.get("rules[3].max")).contains("1..1000");
        assertThat(e.get("rules[3].scenes[0]")).contains("unknown scene");
        // The rules in force did not change.
        assertThat(fx.client.get("/v1/admin/rules", ADMIN).json().path("described").size()).isEqualTo(2);
    }
}
