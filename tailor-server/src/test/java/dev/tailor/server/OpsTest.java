// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static dev.tailor.server.ServerFixture.ADMIN;
import static dev.tailor.server.ServerFixture.INGEST;
import static dev.tailor.server.ServerFixture.READ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health, Prometheus metrics, model information and online CTR / conversion. */
class OpsTest {
    private static final Pattern PROMETHEUS_LINE = Pattern.compile(
            "# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*})? -?[0-9.E+-]+");
    private static ServerFixture fx;

    @BeforeAll
    static void start() {
        fx = SharedServer.get();
    }

    @Test
    void healthSaysWhatIsServing() {
        ApiClient.Answer a = fx.client.get("/health", null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("status").asText()).isEqualTo("ok");
        assertThat(a.json().path("model_set").asText()).startsWith("v");
        assertThat(a.json().path("catalog_items").asInt()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void metricsAreValidPrometheusTextWithPerRouteSeries() {
        String item = fx.server.catalog().view().id(1);
        fx.client.get("/v1/items/" + item + "/similar", READ);
        fx.client.get("/v1/items/" + item + "/similar?k=0", READ);
        ApiClient.Answer a = fx.client.get("/metrics", ADMIN);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        for (String line : a.body().split("\n")) {
            assertThat(line).matches(PROMETHEUS_LINE);
        }
        assertThat(a.body()).contains("tailor_http_requests_total{route=\"GET /v1/items/{id}/similar\",status=\"200\"}")
                .contains("tailor_http_requests_total{route=\"GET /v1/items/{id}/similar\",status=\"400\"}")
                .contains("tailor_http_request_duration_seconds_bucket{route=\"GET /v1/items/{id}/similar\",le=\"+Inf\"}")
                .contains("tailor_model_set_version ").contains("tailor_jvm_heap_used_bytes ");
    }

    @Test
    void modelsDescribeTheServingSetAndItsProvenance() {
        JsonNode m = fx.client.get("/v1/admin/models", ADMIN).json();
        assertThat(m.path("model_set").path("events").asLong()).isGreaterThan(1_000);
        List<String> algorithms = new java.util.ArrayList<>();
        m.path("model_set").path("models").forEach(x -> algorithms.add(x.path("algorithm").asText()));
        assertThat(algorithms).contains("item-knn", "pop", "trending", "segment-pop");
        assertThat(m.path("model_set").path("data_fingerprint").asText()).hasSize(16);
    }

    @Test
    void impressionsClicksAndConversionsWithTheRequestIdFeedOnlineMetrics() {
        String customer = "ops-shopper";
        assertThat(fx.client.post("/v1/customers", INGEST, Map.of("id", customer)).status()).isEqualTo(200);
        String anchor = fx.server.catalog().view().id(2);
        ApiClient.Answer served = fx.client.get("/v1/items/" + anchor + "/bought-together?k=4", READ);
        assertThat(served.status()).isEqualTo(200);
        String requestId = served.json().path("request_id").asText();
        assertThat(served.header("X-Request-Id")).isEqualTo(requestId);
        JsonNode items = served.json().path("items");
        assertThat(items.size()).isGreaterThanOrEqualTo(2);
        Map<String, Map<String, Long>> before = onlineBySource();
        Map<String, Map<String, Long>> scenesBefore = online("by_scene");
        List<Object> events = new java.util.ArrayList<>();
        for (int p = 0; p < items.size(); p++) {
            events.add(Map.of("type", "impression", "user_id", customer, "item_id", items.get(p).path("id").asText(),
                    "request_id", requestId, "position", p));
        }
        String clicked = items.get(0).path("id").asText();
        events.add(Map.of("type", "click", "user_id", customer, "item_id", clicked, "request_id", requestId));
        events.add(Map.of("type", "purchase", "user_id", customer, "item_id", clicked, "request_id", requestId));
        assertThat(fx.client.post("/v1/events/batch", INGEST, Map.of("events", events)).status()).isEqualTo(200);
        Map<String, Map<String, Long>> after = onlineBySource();
        // The scene's totals count every impression of the answer, whichever source proposed the item.
        Map<String, Map<String, Long>> scenesAfter = online("by_scene");
        String scene = "bought-together|all";
        assertThat(count(scenesAfter, scene, "impressions") - count(scenesBefore, scene, "impressions"))
                .isEqualTo(items.size());
        assertThat(count(scenesAfter, scene, "clicks") - count(scenesBefore, scene, "clicks")).isEqualTo(1);
        assertThat(count(scenesAfter, scene, "conversions") - count(scenesBefore, scene, "conversions"))
                .isEqualTo(1);
        String source = items.get(0).path("source").asText();
        String key = "bought-together|" + source;
        long impressions = 0;
        for (JsonNode i : items) {
            if (i.path("source").asText().equals(source)) {
                impressions++;
            }
        }
        assertThat(count(after, key, "impressions") - count(before, key, "impressions")).isEqualTo(impressions);
        assertThat(count(after, key, "clicks") - count(before, key, "clicks")).isEqualTo(1);
        assertThat(count(after, key, "conversions") - count(before, key, "conversions")).isEqualTo(1);
        JsonNode row = row(fx.client.get("/v1/admin/metrics/online", ADMIN).json().path("by_model"), key);
        assertThat(row.path("ctr").asDouble()).isEqualTo((double) row.path("clicks").asLong()
                / row.path("impressions").asLong());
        assertThat(row.path("conversion_rate").asDouble()).isEqualTo((double) row.path("conversions").asLong()
                / row.path("clicks").asLong());
    }

    @Test
    void theAccessLogHasOneJsonLinePerRequestNamingTheKeyNeverItsValue() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                dev.tailor.server.http.AccessLog.LOGGER);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try (ServerFixture logged = ServerFixture.start(c -> c.withAccessLog(true))) {
            ApiClient.Answer a = logged.client.get("/v1/items/nothing-here/similar", READ);
            logged.client.get("/health", null);
            List<JsonNode> entries = new java.util.ArrayList<>();
            for (var e : lines.list) {
                assertThat(e.getFormattedMessage()).doesNotContain(READ);
                entries.add(ApiClient.JSON.readTree(e.getFormattedMessage()));
            }
            assertThat(entries).hasSize(2);
            JsonNode first = entries.get(0);
            assertThat(first.path("method").asText()).isEqualTo("GET");
            assertThat(first.path("path").asText()).isEqualTo("/v1/items/nothing-here/similar");
            assertThat(first.path("route").asText()).isEqualTo("GET /v1/items/{id}/similar");
            assertThat(first.path("status").asInt()).isEqualTo(a.status()).isEqualTo(404);
            assertThat(first.path("key").asText()).isEqualTo("storefront");
            assertThat(first.path("duration_ms").isNumber()).isTrue();
            assertThat(first.path("ts").asText()).isNotBlank();
            assertThat(entries.get(1).path("route").asText()).isEqualTo("GET /health");
        } finally {
            logger.detachAppender(lines);
        }
    }

    private static JsonNode row(JsonNode rows, String key) {
        for (JsonNode r : rows) {
            if ((r.path("scene").asText() + "|" + r.path("model").asText()).equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no row " + key + " in " + rows);
    }

    private static long count(Map<String, Map<String, Long>> rows, String key, String field) {
        return rows.getOrDefault(key, Map.of()).getOrDefault(field, 0L);
    }

    private static Map<String, Map<String, Long>> onlineBySource() {
        return online("by_model");
    }

    private static Map<String, Map<String, Long>> online(String breakdown) {
        JsonNode rows = fx.client.get("/v1/admin/metrics/online", ADMIN).json().path(breakdown);
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (JsonNode r : rows) {
            Map<String, Long> m = new HashMap<>();
            for (String f : List.of("served", "impressions", "clicks", "conversions")) {
                m.put(f, r.path(f).asLong());
            }
            out.put(r.path("scene").asText() + "|" + r.path("model").asText(), m);
        }
        return out;
    }
}
