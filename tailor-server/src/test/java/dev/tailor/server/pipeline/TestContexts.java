// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import dev.tailor.core.domain.Item;
import dev.tailor.core.domain.Price;
import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.model.ModelSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A catalog of generated items and a request context over it, for unit tests of the pipeline parts. */
final class TestContexts {
    private TestContexts() {
    }

    /** Item i is in category "Root r > Leaf (i % leaves)" with r = leaf / 2, brand "B" + (i % brands), price i+1. */
    static LiveCatalog catalog(int n, int leaves, int brands) {
        LiveCatalog c = new LiveCatalog();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int leaf = i % leaves;
            items.add(Item.builder("i" + i, "Item " + i).categoryPath(List.of("Root " + leaf / 2, "Leaf " + leaf))
                    .brand("B" + (i % brands)).price(new Price(BigDecimal.valueOf(i + 1), "CNY")).build());
        }
        c.upsert(items);
        return c;
    }

    static RecommendationContext context(LiveCatalog catalog) {
        return new RecommendationContext().begin("similar", "r-test", ModelSet.empty(1, 0), catalog,
                60_000_000_000L);
    }
}
