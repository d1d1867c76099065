// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import dev.tailor.core.domain.Price;
import dev.tailor.core.store.Store;
import dev.tailor.server.ServerConfig;
import dev.tailor.server.TailorServer;
import dev.tailor.server.http.ApiKey;
import dev.tailor.server.http.Role;
import dev.tailor.server.http.Route;
import dev.tailor.server.scene.ServingExtensions;
import dev.tailor.store.jdbc.JdbcStores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web module's routes over HTTP on a real server, without a browser: pages and assets, the endpoints the pages
 * need, and that they pass the server's gate (keys and roles, problem documents).
 */
class WebEndpointsTest {
    private static final String READ = "read-key-0123456789abc";
    private static final String ADMIN = "admin-key-0123456789ab";
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    static Store store;
    static TailorServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        store = JdbcStores.open("h2:mem:" + UUID.randomUUID().toString().replace("-", ""));
        store.write(w -> {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                items.add(Item.builder("i" + i, "Item " + i).categoryPath(List.of("Baby & Kids", "Toys"))
                        .price(Price.of("9.90", "CNY")).localizedTitle("zh", "玩具 " + i).language("en").build());
            }
            w.upsertItems(items);
            List<Customer> customers = new ArrayList<>();
            for (int c = 0; c < 12; c++) {
                customers.add(new Customer("u" + c, 30, null, "Shanghai", null,
                        c < 10 ? List.of("parents") : List.of(), null));
            }
            w.upsertCustomers(customers);
            List<Event> events = new ArrayList<>();
            // u0 has a history (6 events over two days); the others have none.
            for (int e = 0; e < 6; e++) {
                events.add(Event.of(EventType.VIEW, "u0", "i" + (e % 4), T0.plusSeconds(e * 40_000L)));
            }
            events.add(Event.of(EventType.PURCHASE, "u1", "i1", T0.plusSeconds(100)));
            return w.appendEvents(events);
        });
        ServerConfig d = ServerConfig.defaults();
        server = TailorServer.create(d.withHost("127.0.0.1").withPort(0).withAccessLog(false)
                .withApiKeys(List.of(new ApiKey("storefront", READ, Set.of(Role.READ)),
                        new ApiKey("ops", ADMIN, Set.of(Role.ADMIN)))),
                store, ServingExtensions.NONE, Algorithms.standard(),
                List.of(new WebUi(store, WebConfig.defaults()))).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    @Test
    void pagesArePublicAndAllowNothingFromElsewhere() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t.replace(" ", "")).isEqualTo("text/html;charset=utf-8"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'", "script-src 'self'"));
        assertThat(page.body()).contains("/assets/storefront.js").doesNotContain("http://", "https://");
        assertThat(get("/admin", null).body()).contains("/assets/admin.js");
    }

    @Test
    void assetsRevalidateByEtagAndUnknownOnesAreProblems() throws Exception {
        HttpResponse<String> js = get("/assets/storefront.js", null);
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t.replace(" ", "")).isEqualTo("text/javascript;charset=utf-8"));
        String etag = js.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(uri("/assets/storefront.js"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<String> missing = get("/assets/..%2Fpom.xml", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void shoppersListSegmentsWithCustomersWithHistoryFirst() throws Exception {
        assertThat(get("/v1/web/shoppers", null).statusCode()).isEqualTo(401);
        JsonNode s = json(get("/v1/web/shoppers", READ));
        assertThat(s.get("customers").asLong()).isEqualTo(12);
        JsonNode parents = segment(s, "parents");
        assertThat(parents.get("customers").asLong()).isEqualTo(10);
        assertThat(parents.get("sample")).hasSize(8);
        assertThat(parents.get("sample").get(0).get("id").asText()).isEqualTo("u0");
        assertThat(parents.get("sample").get(0).get("history").asInt()).isEqualTo(6);
        assertThat(segment(s, null).get("customers").asLong()).isEqualTo(2);
    }

    @Test
    void itemDetailInTheAskedLanguage() throws Exception {
        JsonNode item = json(get("/v1/web/items/i2?lang=zh", READ));
        assertThat(item.get("title").asText()).isEqualTo("玩具 2");
        assertThat(item.get("titles").get("en").asText()).isEqualTo("Item 2");
        assertThat(item.get("category").asText()).isEqualTo("Baby & Kids > Toys");
        assertThat(item.get("price").decimalValue()).isEqualByComparingTo("9.90");
        HttpResponse<String> unknown = get("/v1/web/items/nope", READ);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asText()).contains("unknown item 'nope'");
        assertThat(json(get("/v1/web/items/i2?colour=red", READ)).get("errors").get(0).get("field").asText())
                .isEqualTo("colour");
    }

    @Test
    void dataHealthCountsEventsPerDayForAdminsOnly() throws Exception {
        assertThat(get("/v1/admin/data", READ).statusCode()).isEqualTo(403);
        JsonNode d = json(get("/v1/admin/data", ADMIN));
        assertThat(d.get("items").asLong()).isEqualTo(4);
        assertThat(d.get("events").asLong()).isEqualTo(7);
        assertThat(d.get("events_by_type").get("purchase").asLong()).isEqualTo(1);
        JsonNode days = d.get("events_per_day").get("days");
        // Views every 40,000 s from 10:00 on 1 March: 2 on day 1, 2 on day 2, 2 on day 3; the purchase on day 1.
        assertThat(days).hasSize(3);
        assertThat(days.get(0).get("date").asText()).isEqualTo("2024-03-01");
        int view = index(d, "view");
        int purchase = index(d, "purchase");
        assertThat(days.get(0).get("counts").get(view).asLong()).isEqualTo(2);
        assertThat(days.get(0).get("counts").get(purchase).asLong()).isEqualTo(1);
        assertThat(days.get(1).get("counts").get(view).asLong()).isEqualTo(2);
        assertThat(days.get(2).get("counts").get(view).asLong()).isEqualTo(2);
    }

    @Test
    void withoutAReportTheEvaluationSaysHowToMakeOne() throws Exception {
        HttpResponse<String> r = get("/v1/admin/evaluation", ADMIN);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("detail").asText()).contains("tailor evaluate");
        HttpResponse<String> curves = get("/v1/admin/evaluation/curves", ADMIN);
        assertThat(curves.statusCode()).isEqualTo(404);
        assertThat(json(curves).get("detail").asText()).contains("tailor evaluate");
    }

    @Test
    void openApiDescribesEveryRouteTheServerAnswersAndNothingElse() throws Exception {
        JsonNode spec = json(get("/openapi.json", null));
        Set<String> described = new HashSet<>();
        spec.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(
                m -> described.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        Set<String> routes = new HashSet<>();
        for (Route r : server.api().routes()) {
            routes.add(r.label());
        }
        assertThat(routes).contains("GET /", "GET /v1/admin/evaluation/curves", "GET /v1/web/items/{id}");
        assertThat(described).containsExactlyInAnyOrderElementsOf(routes);
        assertThat(spec.get("x-problem-types").has("report-unreadable")).isTrue();
    }

    @Test
    void openApiStatesPathParametersAndKeysAsTheRoutesDo() throws Exception {
        JsonNode spec = json(get("/openapi.json", null));
        Pattern param = Pattern.compile("\\{(\\w+)}");
        for (Route r : server.api().routes()) {
            JsonNode op = spec.get("paths").get(r.path()).get(r.method().name().toLowerCase(Locale.ROOT));
            Set<String> declared = new HashSet<>();
            op.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("path")) {
                    declared.add(p.path("name").asText());
                }
            });
            Set<String> inPath = new HashSet<>();
            Matcher m = param.matcher(r.path());
            while (m.find()) {
                inPath.add(m.group(1));
            }
            assertThat(declared).as(r.label()).isEqualTo(inPath);
            boolean publicOp = op.has("security") && op.get("security").isEmpty();
            if (r.role() == null) {
                assertThat(publicOp).as("%s is public", r.label()).isTrue();
            } else if (!r.path().equals("/metrics")) {
                assertThat(publicOp).as("%s needs a key", r.label()).isFalse();
                assertThat(op.get("responses").has("401")).as(r.label()).isTrue();
            }
            assertThat(op.path("summary").asText()).as(r.label()).isNotBlank();
        }
    }

    @Test
    void docsListTheWebRoutesToo() throws Exception {
        String docs = get("/docs", null).body();
        for (Route r : server.api().routes()) {
            assertThat(docs).as(r.label()).contains("<code>" + r.path() + "</code>");
        }
        assertThat(docs).contains("id=\"tag-web\"", "id=\"report-unreadable\"");
    }

    private static int index(JsonNode data, String type) {
        JsonNode types = data.get("events_per_day").get("types");
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).asText().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no type " + type + " in " + types);
    }

    private static JsonNode segment(JsonNode shoppers, String name) {
        for (JsonNode s : shoppers.get("segments")) {
            if (name == null ? s.get("name").isNull() : s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no segment " + name + " in " + shoppers);
    }

    private static URI uri(String path) {
        return URI.create(server.baseUri() + path);
    }

    private static HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (key != null) {
            b.header("X-Api-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return WebJson.MAPPER.readTree(r.body());
    }
}
