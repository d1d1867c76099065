// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.server.http.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A few thousand random and invalid requests (seeded): random routes and methods, mangled path ids, random and
 * hostile parameters, random bodies and content types, random keys. None may get a 5xx, every error must be a
 * problem document, and the server must be healthy and correct afterwards.
 */
class FuzzTest {
    private static final int REQUESTS = 3_000;
    private static final String[] KEYS = {null, ServerFixture.INGEST, ServerFixture.READ, ServerFixture.ADMIN,
        "garbage-key-garbage-key", ""};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"};
    private static final String[] PARAMS = {"k", "category", "min_price", "max_price", "in_stock", "exclude",
        "diversity", "lang", "user", "q", "wait", "x", "k%00", ""};
    private static final String[] VALUES = {"", "0", "-1", "5", "1000000", "NaN", "Infinity", "1e309", "true",
        "yes", "%E6%89%8B%E6%9C%BA%E5%A3%B3", "%00", "%FF%FE", "a%2Cb%2C%2C", "Electronics%20%3E%20Phones",
        "%22%3Cscript%3E", "0.5", "zh", "en-US", "%E2%80%AE"};
    private static final String[] TYPES = {"application/json", "application/json; charset=utf-8", "text/plain",
        "application/x-www-form-urlencoded", null, "application/jsonx", "multipart/form-data; boundary=x"};

    private static ServerFixture fx;

    @BeforeAll
    static void start() {
        fx = SharedServer.get();
    }

    private static String pick(SplittableRandom r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    private String path(SplittableRandom r, List<Route> routes) {
        String p = routes.get(r.nextInt(routes.size())).path();
        String[] ids = {fx.server.catalog().view().id(r.nextInt(fx.server.catalog().size())),
            fx.server.models().get().histories().userId(0), "parents", "x".repeat(200), "%2E%2E", "%20",
            "%E6%89%8B", "a%2Fb", "%00", "%C3%28", "-1", "null"};
        p = p.replace("{id}", pick(r, ids)).replace("{name}", pick(r, ids));
        if (r.nextInt(5) == 0) {
            p = p + "/" + pick(r, ids);
        }
        StringBuilder q = new StringBuilder();
        for (int i = r.nextInt(4); i > 0; i--) {
            q.append(q.length() == 0 ? '?' : '&').append(pick(r, PARAMS)).append('=').append(pick(r, VALUES));
        }
        return p + q;
    }

    private static byte[] body(SplittableRandom r) {
        String[] shapes = {"", "{", "}", "[]", "null", "{\"items\": []}", "{\"items\": [{}]}",
            "{\"items\": [{\"id\": \"f1\", \"title\": 5}]}", "{\"events\": [{\"type\": \"view\"}]}",
            "{\"customers\": [{\"id\": \"" + "c".repeat(300) + "\"}]}", "{\"id\": \"\\u0000\", \"title\": \"t\"}",
            "{\"rules\": [{\"type\": \"pin\"}]}", "{\"rules\": 7}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]",
            "{\"type\": \"view\", \"user_id\": [], \"item_id\": {}}", "\"\\ud800\"", "1e999999",
            "{\"a\":" + "1".repeat(200) + "}"};
        if (r.nextInt(4) == 0) {
            byte[] b = new byte[r.nextInt(200)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) r.nextInt(256);
            }
            return b;
        }
        return pick(r, shapes).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void randomRequestsNeverGet5xxAndLeaveTheServerHealthy() {
        SplittableRandom r = new SplittableRandom(20_240_611);
        List<Route> routes = fx.server.api().routes();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        String previous = "";
        for (int i = 0; i < REQUESTS; i++) {
            String method = r.nextInt(3) == 0 ? pick(r, METHODS)
                    : routes.get(r.nextInt(routes.size())).method().name();
            String path = path(r, routes);
            boolean withBody = !method.equals("GET") && !method.equals("HEAD") && r.nextInt(4) != 0;
            String key = pick(r, KEYS);
            String type = withBody ? pick(r, TYPES) : null;
            byte[] body = withBody ? body(r) : null;
            ApiClient.Answer a;
            try {
                a = fx.client.raw(method, path, key, type, body);
            } catch (RuntimeException e) {
                throw new AssertionError("no answer to " + method + " " + path + " key " + key + " type " + type
                        + " body " + (body == null ? null : new String(body, StandardCharsets.UTF_8))
                        + "; previous request " + previous, e);
            }
            previous = method + " " + path + " key " + key + " type " + type + " body "
                    + (body == null ? null : new String(body, StandardCharsets.UTF_8)) + " -> " + a.status() + " "
                    + a.headers().map();
            statuses.merge(a.status(), 1, Integer::sum);
            if (a.status() >= 500 && failures.size() < 10) {
                failures.add(method + " " + path + " -> " + a);
            }
            if (a.status() >= 400 && !method.equals("HEAD")) {
                assertThat(a.json().path("status").asInt()).as("%s %s -> %s", method, path, a).isEqualTo(a.status());
            }
        }
        assertThat(failures).as("5xx answers; statuses %s", statuses).isEmpty();
        assertThat(statuses.keySet()).contains(200, 400, 401, 404);
        ApiClient.Answer health = fx.client.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        String item = fx.server.catalog().view().id(0);
        assertThat(fx.client.get("/v1/items/" + item + "/similar", ServerFixture.READ).status()).isEqualTo(200);
    }
}
