// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every route of the HTTP API, declared in one place, and the gate each request passes: authentication (401 /
 * 403), admission control (503 under overload), the handler, problem responses for every failure, metrics and
 * the access log. The OpenAPI description, with each extension's own part merged in, is checked against
 * {@link #routes()} by tests (here and in the modules that extend the server), so the two cannot drift apart.
 */
public final class Api {
    static final String UNMATCHED = "unmatched";

    private final List<Route> routes;
    private final ApiKeys keys;
    private final Admission admission;
    private final HttpMetrics metrics;
    private final AccessLog log;
    private final AtomicLong incidents = new AtomicLong();

    public Api(Services s, ApiKeys keys, Admission admission, AccessLog log, boolean metricsPublic) {
        this(s, keys, admission, log, metricsPublic, List.of());
    }

    /** The API plus the routes of {@code extensions}, after the API's own. */
    public Api(Services s, ApiKeys keys, Admission admission, AccessLog log, boolean metricsPublic,
            List<RouteExtension> extensions) {
        this.keys = keys;
        this.admission = admission;
        this.log = log;
        IngestEndpoints ingest = new IngestEndpoints(s);
        RecommendationEndpoints recs = new RecommendationEndpoints(s.recommender());
        AdminEndpoints admin = new AdminEndpoints(s);
        List<Route> r = new ArrayList<>();
        r.add(new Route(HandlerType.POST, "/v1/items", Role.INGEST, true, "Upsert one item", ingest::item));
        r.add(new Route(HandlerType.POST, "/v1/items/batch", Role.INGEST, true, "Upsert items", ingest::items));
        r.add(new Route(HandlerType.POST, "/v1/customers", Role.INGEST, true, "Upsert one customer",
                ingest::customer));
        r.add(new Route(HandlerType.POST, "/v1/customers/batch", Role.INGEST, true, "Upsert customers",
                ingest::customers));
        r.add(new Route(HandlerType.POST, "/v1/events", Role.INGEST, true, "Post one event", ingest::event));
        r.add(new Route(HandlerType.POST, "/v1/events/batch", Role.INGEST, true, "Post events", ingest::events));
        r.add(new Route(HandlerType.GET, "/v1/users/{id}/home", Role.READ, true, "Homepage rows", recs::home));
        r.add(new Route(HandlerType.GET, "/v1/items/{id}/similar", Role.READ, true, "Similar items",
                recs::similar));
        r.add(new Route(HandlerType.GET, "/v1/items/{id}/bought-together", Role.READ, true,
                "Frequently bought together", recs::boughtTogether));
        r.add(new Route(HandlerType.GET, "/v1/users/{id}/search", Role.READ, true, "Personalized search",
                recs::search));
        r.add(new Route(HandlerType.GET, "/v1/segments/{name}/promotions", Role.READ, true,
                "Items to promote to a segment", recs::promotions));
        r.add(new Route(HandlerType.POST, "/v1/admin/train", Role.ADMIN, true, "Train and hot-swap a model set",
                admin::train));
        r.add(new Route(HandlerType.GET, "/v1/admin/models", Role.ADMIN, true, "The serving model set",
                admin::models));
        r.add(new Route(HandlerType.GET, "/v1/admin/rules", Role.ADMIN, true, "The business rules in force",
                admin::rules));
        r.add(new Route(HandlerType.PUT, "/v1/admin/rules", Role.ADMIN, true, "Replace the business rules",
                admin::putRules));
        r.add(new Route(HandlerType.GET, "/v1/admin/metrics/online", Role.ADMIN, true,
                "Online CTR and conversion per scene and model", admin::onlineMetrics));
        List<JsonNode> described = new ArrayList<>();
        for (RouteExtension e : extensions) {
            r.addAll(e.routes(s));
            described.add(e.openApi());
        }
        // Health and metrics bypass admission: they must answer when the server is saturated.
        List<String> labels = new ArrayList<>();
        r.forEach(route -> labels.add(route.label()));
        labels.add("GET /health");
        labels.add("GET /metrics");
        labels.add("GET /openapi.json");
        labels.add("GET /docs");
        labels.add(UNMATCHED);
        this.metrics = new HttpMetrics(labels);
        OpsEndpoints ops = new OpsEndpoints(s, admission, metrics, ApiDocs.load(described));
        r.add(new Route(HandlerType.GET, "/health", null, false, "Liveness and readiness", ops::health));
        r.add(new Route(HandlerType.GET, "/metrics", metricsPublic ? null : Role.ADMIN, false,
                "Prometheus metrics", ops::metrics));
        r.add(new Route(HandlerType.GET, "/openapi.json", null, false, "This API's OpenAPI description",
                ops::openApi));
        r.add(new Route(HandlerType.GET, "/docs", null, false, "Human-readable API documentation", ops::docs));
        this.routes = List.copyOf(r);
    }

    /** Renders errors Jetty answers by itself (before Javalin) as problem documents. */
    public static org.eclipse.jetty.server.Request.Handler jettyErrorHandler() {
        return new JettyProblems();
    }

    public List<Route> routes() {
        return routes;
    }

    public HttpMetrics metrics() {
        return metrics;
    }

    /** Registers the routes and the error mapping on a Javalin configuration. */
    public void register(JavalinConfig cfg) {
        for (int i = 0; i < routes.size(); i++) {
            Route r = routes.get(i);
            cfg.routes.addHttpHandler(r.method(), r.path(), gate(i, r));
        }
        int unmatched = routes.size();
        // Javalin's own answers (no such route, wrong method, body over the size limit) as problems too.
        cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
            Problems.write(ctx, Problems.of(e, ""));
            metrics.record(unmatched, e.getStatus(), 0);
            log.log(ctx.method().name(), ctx.path(), UNMATCHED, e.getStatus(), 0, null, null, ctx.ip());
        });
        cfg.routes.exception(Exception.class, (e, ctx) -> Problems.write(ctx, Problems.of(e, incident())));
    }

    private String incident() {
        return "i" + Long.toString(System.currentTimeMillis(), 36) + "-" + incidents.incrementAndGet();
    }

    private Handler gate(int index, Route r) {
        return ctx -> {
            long t0 = System.nanoTime();
            String keyName = null;
            try {
                if (r.role() != null) {
                    keyName = keys.authorize(ctx.header("Authorization"), ctx.header("X-Api-Key"), r.role())
                            .name();
                }
                if (r.admitted()) {
                    admission.enter();
                    try {
                        r.handler().handle(ctx);
                    } finally {
                        admission.exit();
                    }
                } else {
                    r.handler().handle(ctx);
                }
            } catch (Exception e) {
                Problems.write(ctx, Problems.of(e, incident()));
            } finally {
                finish(ctx, index, r, t0, keyName);
            }
        };
    }

    private void finish(Context ctx, int index, Route r, long t0, String keyName) {
        long nanos = System.nanoTime() - t0;
        int status = ctx.statusCode();
        metrics.record(index, status, nanos);
        if (log.active()) {
            Object id = ctx.attribute(RecommendationEndpoints.REQUEST_ID);
            log.log(r.method().name(), ctx.path(), r.label(), status, nanos, keyName,
                    id == null ? null : id.toString(), ctx.ip());
        }
    }
}
