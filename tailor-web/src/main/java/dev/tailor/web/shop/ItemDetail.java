// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web.shop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.core.domain.Item;
import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.http.HttpProblem;
import dev.tailor.server.http.Params;
import dev.tailor.web.WebJson;
import io.javalin.http.Context;
import java.util.Set;

/**
 * {@code GET /v1/web/items/{id}?lang=en}: one item of the serving catalog, for the item page when it is opened
 * from a link rather than from a list that already carried the item. The members are those of items in
 * recommendation lists, plus description, tags and every title.
 */
public final class ItemDetail {
    private final LiveCatalog catalog;

    public ItemDetail(LiveCatalog catalog) {
        this.catalog = catalog;
    }

    public void handle(Context ctx) {
        String id = Params.id(ctx, "id");
        Params p = Params.of(ctx, Set.of("lang"));
        String lang = p.text("lang");
        p.check();
        LiveCatalog.View view = catalog.view();
        int i = view.indexOf(id);
        if (i < 0) {
            throw new HttpProblem(404, "not-found", "Not found", "unknown item '" + id + "'");
        }
        WebJson.send(ctx, json(view.item(i), lang));
    }

    static ObjectNode json(Item item, String lang) {
        ObjectNode o = WebJson.object();
        o.put("id", item.id());
        o.put("title", item.title(lang));
        ObjectNode titles = o.putObject("titles");
        if (item.language() != null) {
            titles.put(item.language(), item.title());
        }
        item.localizedTitles().forEach(titles::put);
        if (!item.categoryPath().isEmpty()) {
            o.put("category", String.join(" > ", item.categoryPath()));
        }
        if (item.brand() != null) {
            o.put("brand", item.brand());
        }
        if (item.price() != null) {
            o.put("price", item.price().amount());
            o.put("currency", item.price().currency());
        }
        o.put("available", item.available());
        if (!item.description().isEmpty()) {
            o.put("description", item.description());
        }
        ArrayNode tags = o.putArray("tags");
        item.tags().forEach(tags::add);
        return o;
    }
}
