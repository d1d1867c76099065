// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.core.store.Store;
import dev.tailor.server.http.Role;
import dev.tailor.server.http.Route;
import dev.tailor.server.http.RouteExtension;
import dev.tailor.server.http.Services;
import dev.tailor.web.admin.DataHealth;
import dev.tailor.web.admin.Evaluation;
import dev.tailor.web.admin.EvaluationCurves;
import dev.tailor.web.assets.StaticAssets;
import dev.tailor.web.shop.ItemDetail;
import dev.tailor.web.shop.Shoppers;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;

/**
 * Mounts the web page on a server:
 *
 * <pre>
 * TailorServer server = TailorServer.create(config, store, ServingExtensions.NONE, Algorithms.standard(),
 *         List.of(new WebUi(store, WebConfig.defaults())));
 * </pre>
 *
 * Pages and assets are public (they hold no data); everything they show comes from endpoints behind API keys:
 * the storefront needs a key with the {@code read} and {@code ingest} roles (or authentication disabled, as in the
 * demo), the dashboard an {@code admin} key, entered in the page.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><td>{@code GET /}, {@code GET /admin}, {@code GET /assets/{file}}</td><td>the pages and their assets</td></tr>
 *   <tr><td>{@code GET /v1/web/shoppers}</td><td>segments with a few of their customers (read)</td></tr>
 *   <tr><td>{@code GET /v1/web/items/{id}}</td><td>one catalog item for the item page (read)</td></tr>
 *   <tr><td>{@code GET /v1/admin/data}</td><td>store counts, sparsity and events per day (admin)</td></tr>
 *   <tr><td>{@code GET /v1/admin/evaluation}</td><td>the configured offline evaluation report (admin)</td></tr>
 *   <tr><td>{@code GET /v1/admin/evaluation/curves}</td><td>that report's learning curves (admin)</td></tr>
 * </table>
 *
 * <p>Each is described in {@code openapi-web.json} next to this class, which the server merges into its
 * {@code /openapi.json} and {@code /docs}.
 */
public final class WebUi implements RouteExtension {
    private final Store store;
    private final WebConfig config;
    private final StaticAssets assets;

    /**
     * @param store the server's store (customers and events for the shopper list and data health)
     * @throws dev.tailor.core.error.TailorException when the bundled assets are missing from the classpath
     */
    public WebUi(Store store, WebConfig config) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
        this.assets = StaticAssets.fromClasspath();
    }

    @Override
    public List<Route> routes(Services services) {
        Shoppers shoppers = new Shoppers(store, services.models());
        ItemDetail items = new ItemDetail(services.catalog());
        DataHealth health = new DataHealth(store);
        Evaluation evaluation = new Evaluation(config.evaluationReport());
        return List.of(
                new Route(HandlerType.GET, "/", null, false, "The storefront demo page",
                        ctx -> assets.page(ctx, "index.html")),
                new Route(HandlerType.GET, "/admin", null, false, "The admin dashboard page",
                        ctx -> assets.page(ctx, "admin.html")),
                new Route(HandlerType.GET, "/assets/{file}", null, false, "Scripts, styles and icons of the pages",
                        assets::asset),
                new Route(HandlerType.GET, "/v1/web/shoppers", Role.READ, true,
                        "Segments with a few of their customers, to shop as", shoppers::handle),
                new Route(HandlerType.GET, "/v1/web/items/{id}", Role.READ, true, "One catalog item",
                        items::handle),
                new Route(HandlerType.GET, "/v1/admin/data", Role.ADMIN, true,
                        "Store counts, sparsity and events per day", health::handle),
                new Route(HandlerType.GET, "/v1/admin/evaluation", Role.ADMIN, true,
                        "The offline evaluation report", evaluation::handle),
                new Route(HandlerType.GET, "/v1/admin/evaluation/curves", Role.ADMIN, true,
                        "Learning curves of the offline evaluation's iterative models",
                        new EvaluationCurves(evaluation)::handle));
    }

    @Override
    public JsonNode openApi() {
        return RouteExtension.openApiResource(WebUi.class, "openapi-web.json");
    }
}
