// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.server.http.Route;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The served OpenAPI description and the real routes match both ways; /docs renders it. */
class OpenApiTest {
    private static ServerFixture fx;

    @BeforeAll
    static void start() {
        fx = SharedServer.get();
    }

    private static Set<String> specOperations(JsonNode spec) {
        Set<String> ops = new HashSet<>();
        Iterator<String> paths = spec.path("paths").fieldNames();
        while (paths.hasNext()) {
            String p = paths.next();
            spec.path("paths").path(p).fieldNames().forEachRemaining(m -> ops.add(m.toUpperCase(Locale.ROOT) + " " + p));
        }
        return ops;
    }

    @Test
    void everyRouteIsDescribedAndEveryDescribedOperationExists() {
        ApiClient.Answer a = fx.client.get("/openapi.json", null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        JsonNode spec = a.json();
        assertThat(spec.path("openapi").asText()).startsWith("3.");
        Set<String> routes = new HashSet<>();
        for (Route r : fx.server.api().routes()) {
            routes.add(r.label());
        }
        assertThat(specOperations(spec)).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void describedPathParametersAndSecurityMatchTheRoutes() {
        JsonNode spec = fx.client.get("/openapi.json", null).json();
        for (Route r : fx.server.api().routes()) {
            JsonNode op = spec.path("paths").path(r.path()).path(r.method().name().toLowerCase(Locale.ROOT));
            Set<String> declared = new HashSet<>();
            op.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("path")) {
                    declared.add(p.path("name").asText());
                }
            });
            Set<String> inPath = new HashSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(r.path());
            while (m.find()) {
                inPath.add(m.group(1));
            }
            assertThat(declared).as(r.label()).isEqualTo(inPath);
            boolean publicOp = op.has("security") && op.path("security").isEmpty();
            if (r.role() == null) {
                assertThat(publicOp).as("%s is public", r.label()).isTrue();
            } else if (!r.path().equals("/metrics")) {
                assertThat(publicOp).as("%s needs a key", r.label()).isFalse();
                assertThat(op.path("responses").has("401")).as(r.label()).isTrue();
            }
            assertThat(op.path("summary").asText()).as(r.label()).isNotBlank();
        }
    }

    @Test
    void docsRenderEveryOperationAndProblemTypeWithoutExternalResources() {
        ApiClient.Answer a = fx.client.get("/docs", null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("text/html");
        for (Route r : fx.server.api().routes()) {
            assertThat(a.body()).contains("<code>" + r.path().replace("{", "{").replace("}", "}") + "</code>");
        }
        for (String type : new String[] {"validation", "not-found", "unauthorized", "forbidden", "too-large",
            "batch-too-large", "unsupported-media-type", "overloaded", "timeout", "shutting-down", "internal"}) {
            assertThat(a.body()).contains("id=\"" + type + "\"");
        }
        assertThat(a.body()).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
    }
}
