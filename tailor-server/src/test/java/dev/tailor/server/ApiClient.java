// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small JSON client over java.net.http for tests that drive the real server. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(URI base) {
        this.base = base;
    }

    /** A response: status, headers, raw body and the body parsed as JSON (missing node when not JSON). */
    record Answer(int status, java.net.http.HttpHeaders headers, String body, JsonNode json) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Answer get(String path, String key) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), key);
    }

    /** A GET with the key in the {@code X-Api-Key} header instead of a bearer token. */
    Answer getWithApiKeyHeader(String path, String key) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("X-Api-Key", key).GET(), null);
    }

    Answer post(String path, String key, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))), key);
    }

    Answer put(String path, String key, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(body))), key);
    }

    /** Any method, content type and raw body. */
    Answer raw(String method, String path, String key, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(b, key);
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Object body) {
        try {
            return body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer send(HttpRequest.Builder b, String key) {
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        b.timeout(Duration.ofSeconds(60));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json;
            try {
                json = JSON.readTree(r.body());
            } catch (IOException e) {
                json = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            return new Answer(r.statusCode(), r.headers(), r.body(), json == null
                    ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
