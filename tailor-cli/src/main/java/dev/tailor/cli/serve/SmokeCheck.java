// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Real requests to a running server, each checked and printed: health, a personalized search in Chinese, the
 * item page of the top hit, a view of that item posted as an event, and the homepage that must follow it at
 * once. Used by {@code tailor demo}, which shows the answers, and by CI through {@code tailor demo --smoke},
 * which fails on any failed check.
 */
public final class SmokeCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 3;

    private final URI base;
    private final Optional<String> key;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();

    /**
     * @param key the API key to send (one with the read and ingest roles), empty when authentication is off
     */
    public SmokeCheck(URI base, Optional<String> key, PrintWriter out) {
        this.base = base;
        this.key = key;
        this.out = out;
    }

    /**
     * Runs the tour of checks.
     *
     * @param customer a customer with history
     * @param query a product word in Chinese that some item titles contain
     * @return the failed checks, empty when all passed
     */
    public List<String> run(String customer, String query) {
        Answer health = get("/health");
        check(health.status == 200 && health.json.path("status").asText().equals("ok"), "GET /health",
                "status ok", health);
        out.printf(Locale.ROOT, "  GET /health -> %d, model set %s, %d catalog items%n", health.status,
                health.json.path("model_set").asText(), health.json.path("catalog_items").asInt());

        String searchPath = "/v1/users/" + enc(customer) + "/search?k=5&lang=zh&q=" + enc(query);
        Answer search = get(searchPath);
        JsonNode hits = search.json.path("items");
        boolean allMatch = hits.size() > 0;
        for (JsonNode i : hits) {
            allMatch &= i.path("title").asText().contains(query);
        }
        check(search.status == 200 && allMatch, "GET " + searchPath,
                "at least one item, each with '" + query + "' in its Chinese title", search);
        show("GET " + searchPath, search, hits);

        String item = hits.size() > 0 ? hits.get(0).path("id").asText() : "";
        String viewed = hits.size() > 0 ? hits.get(0).path("title").asText() : "";
        if (item.isEmpty()) {
            return List.copyOf(failures);
        }
        String similarPath = "/v1/items/" + enc(item) + "/similar?k=5&user=" + enc(customer);
        Answer similar = get(similarPath);
        boolean notItself = true;
        for (JsonNode i : similar.json.path("items")) {
            notItself &= !i.path("id").asText().equals(item);
        }
        check(similar.status == 200 && similar.json.path("items").size() > 0 && notItself, "GET " + similarPath,
                "similar items, not the item itself", similar);
        show("GET " + similarPath, similar, similar.json.path("items"));

        Answer event = post("/v1/events", Map.of("type", "view", "user_id", customer, "item_id", item));
        check(event.status == 200, "POST /v1/events", "the view accepted", event);
        out.printf(Locale.ROOT, "  POST /v1/events {\"type\":\"view\",\"user_id\":\"%s\",\"item_id\":\"%s\"} -> %d%n",
                customer, item, event.status);

        String homePath = "/v1/users/" + enc(customer) + "/home?k=4&lang=zh";
        Answer home = get(homePath);
        JsonNode because = MissingNode.getInstance();
        for (JsonNode row : home.json.path("rows")) {
            if (row.path("kind").asText().equals("because-you-viewed")) {
                because = row;
            }
        }
        check(home.status == 200 && because.path("anchor").path("id").asText().equals(item)
                && because.path("items").size() > 0, "GET " + homePath,
                "a 'because you viewed' row for the item just viewed, at once", home);
        out.printf(Locale.ROOT, "  GET %s -> %d, request_id %s%n", homePath, home.status,
                home.json.path("request_id").asText());
        for (JsonNode row : home.json.path("rows")) {
            out.printf(Locale.ROOT, "    %s%n", row.path("title").asText());
            items(row.path("items"));
        }
        if (!because.isMissingNode()) {
            out.printf(Locale.ROOT, "  (the row 'Because you viewed' follows the view of %s just posted)%n", viewed);
        }
        page("/", "Tailor");
        page("/admin", "Tailor");
        out.flush();
        return List.copyOf(failures);
    }

    /**
     * A brand-new item posted through the API, then its item page at once: it has no event, so its similar items
     * can only come from content, and with item vectors on, from its text.
     *
     * @param item the body of {@code POST /v1/items} (with at least {@code id} and {@code title})
     * @param source the {@code source} the first similar item must name ("text" with item vectors, "content"
     *     without)
     * @return every failed check so far, empty when all passed
     */
    public List<String> newItem(Map<String, Object> item, String source) {
        String id = String.valueOf(item.get("id"));
        Answer posted = post("/v1/items", item);
        check(posted.status == 200, "POST /v1/items", "the new item accepted", posted);
        out.printf(Locale.ROOT, "  POST /v1/items {\"id\":\"%s\",\"title\":\"%s\",...} -> %d%n", id,
                item.get("title"), posted.status);
        String path = "/v1/items/" + enc(id) + "/similar?k=5";
        Answer similar = get(path);
        JsonNode items = similar.json.path("items");
        boolean notItself = true;
        for (JsonNode i : items) {
            notItself &= !i.path("id").asText().equals(id);
        }
        check(similar.status == 200 && items.size() > 0 && notItself
                && items.get(0).path("source").asText().equals(source), "GET " + path,
                "similar items of the new item, the first from source '" + source + "'", similar);
        out.printf(Locale.ROOT, "  GET %s -> %d, %d items, request_id %s%n", path, similar.status, items.size(),
                similar.json.path("request_id").asText());
        for (JsonNode i : items) {
            out.printf(Locale.ROOT, "      %-9s %-36s %.3f  %s (%s)%n", i.path("id").asText(),
                    clip(i.path("title").asText()), i.path("score").asDouble(), i.path("source").asText(),
                    i.path("category").asText());
        }
        out.flush();
        return List.copyOf(failures);
    }

    /** The web pages, when mounted: an HTML answer that names Tailor. */
    private void page(String path, String mustContain) {
        Answer a = get(path);
        check(a.status == 200 && a.body.contains(mustContain), "GET " + path, "the web page", a);
        out.printf(Locale.ROOT, "  GET %s -> %d, %,d bytes of HTML%n", path, a.status, a.body.length());
    }

    private void show(String what, Answer a, JsonNode items) {
        out.printf(Locale.ROOT, "  %s -> %d, %d items, request_id %s%n", what, a.status, items.size(),
                a.json.path("request_id").asText());
        items(items);
    }

    private void items(JsonNode items) {
        int n = 0;
        for (JsonNode i : items) {
            if (n++ == SHOWN) {
                break;
            }
            out.printf(Locale.ROOT, "      %-9s %-36s %s%n", i.path("id").asText(), clip(i.path("title").asText()),
                    i.path("reason").asText());
        }
    }

    private static String clip(String s) {
        return s.length() <= 34 ? s : s.substring(0, 33) + "…";
    }

    private void check(boolean ok, String what, String expected, Answer a) {
        if (!ok) {
            String body = a.body.length() > 400 ? a.body.substring(0, 400) + "…" : a.body;
            failures.add(what + ": expected " + expected + "; got " + a.status + " " + body);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private record Answer(int status, String body, JsonNode json) {
    }

    private Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private Answer post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        key.ifPresent(k -> request.header("Authorization", "Bearer " + k));
        request.timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> r = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json;
            try {
                json = JSON.readTree(r.body());
            } catch (IOException notJson) {
                json = MissingNode.getInstance();
            }
            return new Answer(r.statusCode(), r.body(), json == null ? MissingNode.getInstance() : json);
        } catch (IOException e) {
            return new Answer(0, "no answer: " + e.getMessage(), MissingNode.getInstance());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted", MissingNode.getInstance());
        }
    }
}
