// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpMetricsTest {
    @Test
    void countsAndCumulativeHistogramBuckets() {
        HttpMetrics m = new HttpMetrics(List.of("GET /a", "unmatched"));
        m.record(0, 200, 300_000);
        m.record(0, 200, 3_000_000);
        m.record(0, 404, 9_000_000_000L);
        assertThat(m.count(0, 200)).isEqualTo(2);
        StringBuilder out = new StringBuilder();
        m.write(out);
        String text = out.toString();
        assertThat(text).contains("tailor_http_requests_total{route=\"GET /a\",status=\"200\"} 2\n")
                .contains("tailor_http_requests_total{route=\"GET /a\",status=\"404\"} 1\n")
                .contains("tailor_http_request_duration_seconds_bucket{route=\"GET /a\",le=\"5.0E-4\"} 1\n")
                .contains("tailor_http_request_duration_seconds_bucket{route=\"GET /a\",le=\"0.005\"} 2\n")
                .contains("tailor_http_request_duration_seconds_bucket{route=\"GET /a\",le=\"2.5\"} 2\n")
                .contains("tailor_http_request_duration_seconds_bucket{route=\"GET /a\",le=\"+Inf\"} 3\n")
                .contains("tailor_http_request_duration_seconds_count{route=\"GET /a\"} 3\n")
                .contains("tailor_http_request_duration_seconds_count{route=\"unmatched\"} 0\n");
        StringBuilder g = new StringBuilder();
        HttpMetrics.gauge(g, "x_total", "Help.", "counter", Map.of("b\"q", 2, "a", 1), "kind");
        assertThat(g.toString()).isEqualTo("# HELP x_total Help.\n# TYPE x_total counter\nx_total{kind=\"a\"} 1\n"
                + "x_total{kind=\"b\\\"q\"} 2\n");
    }

    @Test
    void accessLogLinesAreJsonWithoutSecrets() throws Exception {
        String line = AccessLog.line(java.time.Instant.parse("2024-01-01T00:00:00Z"), "GET", "/v1/x\"y", "GET /v1/x",
                200, 1_234_567, "storefront", "r1-2", "127.0.0.1");
        var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        assertThat(n.path("path").asText()).isEqualTo("/v1/x\"y");
        assertThat(n.path("status").asInt()).isEqualTo(200);
        assertThat(n.path("duration_ms").asDouble()).isEqualTo(1.23);
        assertThat(n.path("key").asText()).isEqualTo("storefront");
        assertThat(n.path("request_id").asText()).isEqualTo("r1-2");
    }
}
