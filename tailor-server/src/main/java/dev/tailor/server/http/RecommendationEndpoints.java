// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import dev.tailor.core.domain.Ids;
import dev.tailor.server.scene.ListQuery;
import dev.tailor.server.scene.Recommender;
import dev.tailor.server.scene.SceneSettings;
import io.javalin.http.Context;
import java.util.Set;

/**
 * The scenes: GET /v1/users/{id}/home, /v1/items/{id}/similar, /v1/items/{id}/bought-together,
 * /v1/users/{id}/search and /v1/segments/{name}/promotions. Each parses its parameters, calls the recommender
 * and sends the rendered JSON with the request id also in the {@code X-Request-Id} header.
 */
final class RecommendationEndpoints {
    static final String REQUEST_ID = "tailor.request_id";
    private static final Set<String> ITEM_PARAMS = Params.listPlus("user");
    private static final Set<String> SEARCH_PARAMS = Params.listPlus("q");

    private final Recommender recommender;
    private final SceneSettings settings;

    RecommendationEndpoints(Recommender recommender) {
        this.recommender = recommender;
        this.settings = recommender.settings();
    }

    void home(Context ctx) {
        String id = Params.id(ctx, "id");
        ListQuery q = Params.of(ctx, Params.LIST).listQuery(settings.defaultK(), settings.maxK(), null);
        send(ctx, recommender.home(id, q));
    }

    void similar(Context ctx) {
        String id = Params.id(ctx, "id");
        send(ctx, recommender.similar(id, itemQuery(ctx)));
    }

    void boughtTogether(Context ctx) {
        String id = Params.id(ctx, "id");
        send(ctx, recommender.boughtTogether(id, itemQuery(ctx)));
    }

    void search(Context ctx) {
        String id = Params.id(ctx, "id");
        Params p = Params.of(ctx, SEARCH_PARAMS);
        String text = p.required("q");
        ListQuery q = p.listQuery(settings.defaultK(), settings.maxK(), null);
        send(ctx, recommender.search(id, text, q));
    }

    void promotions(Context ctx) {
        String name = Params.id(ctx, "name");
        ListQuery q = Params.of(ctx, Params.LIST).listQuery(settings.defaultK(), settings.maxK(), null);
        send(ctx, recommender.promotions(name, q));
    }

    private ListQuery itemQuery(Context ctx) {
        Params p = Params.of(ctx, ITEM_PARAMS);
        String user = p.text("user");
        ListQuery q = p.listQuery(settings.defaultK(), settings.maxK(), null);
        if (user == null) {
            return q;
        }
        return new ListQuery(q.k(), q.filters(), q.exclude(), q.diversity(), q.lang(), Ids.require("user", user));
    }

    private static void send(Context ctx, Recommender.Response r) {
        ctx.attribute(REQUEST_ID, r.requestId());
        ctx.header("X-Request-Id", r.requestId());
        Json.send(ctx, r.json());
    }
}
