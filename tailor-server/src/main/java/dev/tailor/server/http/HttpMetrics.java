// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters and latency histograms per route, kept with lock-free adders and written in the Prometheus
 * text exposition format. Hand-written rather than Micrometer: a dozen series do not need a metrics library on
 * the request path. Thread-safe.
 */
public final class HttpMetrics {
    /** Latency bucket upper bounds in seconds (Prometheus {@code le}). */
    static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private final String[] routes;
    private final RouteStats[] stats;

    /** @param routes route labels, e.g. "GET /v1/items/{id}/similar"; the last slot is for unmatched requests */
    public HttpMetrics(java.util.List<String> routes) {
        this.routes = routes.toArray(String[]::new);
        this.stats = new RouteStats[this.routes.length];
        for (int i = 0; i < stats.length; i++) {
            stats[i] = new RouteStats();
        }
    }

    public void record(int route, int status, long nanos) {
        RouteStats s = stats[route];
        s.byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
        double seconds = nanos / 1e9;
        int b = 0;
        while (b < BUCKETS.length && seconds > BUCKETS[b]) {
            b++;
        }
        s.buckets[b].increment();
        s.sum.add(seconds);
    }

    /** Requests answered with {@code status} on a route so far. */
    public long count(int route, int status) {
        LongAdder a = stats[route].byStatus.get(status);
        return a == null ? 0 : a.sum();
    }

    /** Appends the HTTP series to a Prometheus text exposition. */
    public void write(StringBuilder out) {
        out.append("# HELP tailor_http_requests_total HTTP requests by route and status.\n");
        out.append("# TYPE tailor_http_requests_total counter\n");
        for (int r = 0; r < routes.length; r++) {
            Map<Integer, LongAdder> sorted = new TreeMap<>(stats[r].byStatus);
            for (Map.Entry<Integer, LongAdder> e : sorted.entrySet()) {
                out.append("tailor_http_requests_total{route=\"").append(escape(routes[r])).append("\",status=\"")
                        .append(e.getKey()).append("\"} ").append(e.getValue().sum()).append('\n');
            }
        }
        out.append("# HELP tailor_http_request_duration_seconds Time from admission to response, by route.\n");
        out.append("# TYPE tailor_http_request_duration_seconds histogram\n");
        for (int r = 0; r < routes.length; r++) {
            RouteStats s = stats[r];
            long cumulative = 0;
            String label = escape(routes[r]);
            for (int b = 0; b <= BUCKETS.length; b++) {
                cumulative += s.buckets[b].sum();
                out.append("tailor_http_request_duration_seconds_bucket{route=\"").append(label).append("\",le=\"")
                        .append(b < BUCKETS.length ? Double.toString(BUCKETS[b]) : "+Inf").append("\"} ")
                        .append(cumulative).append('\n');
            }
            out.append("tailor_http_request_duration_seconds_sum{route=\"").append(label).append("\"} ")
                    .append(s.sum.sum()).append('\n');
            out.append("tailor_http_request_duration_seconds_count{route=\"").append(label).append("\"} ")
                    .append(cumulative).append('\n');
        }
    }

    static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static final class RouteStats {
        final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        final LongAdder[] buckets = new LongAdder[BUCKETS.length + 1];
        final DoubleAdder sum = new DoubleAdder();

        RouteStats() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }
    }

    /** Gauges and counters from other parts, written after the HTTP series. */
    public static void gauge(StringBuilder out, String name, String help, String type, Map<String, Number> byLabel,
            String labelName) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        for (Map.Entry<String, Number> e : new TreeMap<>(byLabel).entrySet()) {
            out.append(name);
            if (labelName != null) {
                out.append('{').append(labelName).append("=\"").append(escape(e.getKey())).append("\"}");
            }
            out.append(' ').append(e.getValue()).append('\n');
        }
    }
}
