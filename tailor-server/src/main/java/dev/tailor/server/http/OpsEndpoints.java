// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.server.model.ModelSet;
import io.javalin.http.Context;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** GET /health, /metrics (Prometheus), /openapi.json and /docs. */
final class OpsEndpoints {
    private final Services s;
    private final Admission admission;
    private final HttpMetrics metrics;
    private final ApiDocs docs;

    OpsEndpoints(Services s, Admission admission, HttpMetrics metrics, ApiDocs docs) {
        this.s = s;
        this.admission = admission;
        this.metrics = metrics;
        this.docs = docs;
    }

    /** 200 while serving, 503 while shutting down (so load balancers stop sending traffic first). */
    void health(Context ctx) {
        ModelSet.Info info = s.models().get().info();
        boolean draining = admission.draining();
        ObjectNode o = Json.object();
        o.put("status", draining ? "draining" : "ok");
        o.put("model_set", info.label());
        o.put("model_set_trained_at", info.trainedAt().toString());
        o.put("catalog_items", s.catalog().size());
        o.put("search_mode", s.recommender().searchMode().wireName());
        o.put("training", s.models().status().state());
        o.put("uptime_seconds", Duration.between(s.started(), Instant.now()).toSeconds());
        Json.send(ctx, draining ? 503 : 200, o);
    }

    void metrics(Context ctx) {
        StringBuilder out = new StringBuilder(16_384);
        metrics.write(out);
        ModelSet.Info info = s.models().get().info();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        HttpMetrics.gauge(out, "tailor_http_in_flight", "Requests being served now.", "gauge",
                Map.of("", admission.inFlight()), null);
        HttpMetrics.gauge(out, "tailor_http_queued", "Requests waiting for admission now.", "gauge",
                Map.of("", admission.queued()), null);
        HttpMetrics.gauge(out, "tailor_http_shed_total", "Requests answered 503 by admission control.",
                "counter", Map.of("", admission.shed()), null);
        HttpMetrics.gauge(out, "tailor_model_set_version", "Version of the model set serving now.", "gauge",
                Map.of("", info.version()), null);
        HttpMetrics.gauge(out, "tailor_model_set_age_seconds", "Seconds since the serving model set was trained.",
                "gauge", Map.of("", Duration.between(info.trainedAt(), Instant.now()).toSeconds()), null);
        HttpMetrics.gauge(out, "tailor_model_set_train_seconds", "How long the serving model set took to train.",
                "gauge", Map.of("", info.trainMillis() / 1000.0), null);
        HttpMetrics.gauge(out, "tailor_catalog_items", "Items in the serving catalog.", "gauge",
                Map.of("", s.catalog().size()), null);
        HttpMetrics.gauge(out, "tailor_live_customers", "Customers with live events in memory.", "gauge",
                Map.of("", s.liveEvents().customers()), null);
        Map<String, Number> ingested = new LinkedHashMap<>();
        ingested.put("items", s.ingest().itemsWritten());
        ingested.put("customers", s.ingest().customersWritten());
        ingested.put("events", s.ingest().eventsWritten());
        HttpMetrics.gauge(out, "tailor_ingested_total", "Records written through the API.", "counter", ingested,
                "kind");
        HttpMetrics.gauge(out, "tailor_jvm_heap_used_bytes", "JVM heap in use.", "gauge",
                Map.of("", heap.getUsed()), null);
        HttpMetrics.gauge(out, "tailor_jvm_heap_max_bytes", "JVM heap limit.", "gauge", Map.of("", heap.getMax()),
                null);
        ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(out.toString());
    }

    void openApi(Context ctx) {
        Params.of(ctx, Set.of()).check();
        ctx.status(200).contentType(Json.CONTENT_TYPE).result(docs.spec());
    }

    void docs(Context ctx) {
        ctx.status(200).contentType("text/html; charset=utf-8").result(docs.html());
    }
}
