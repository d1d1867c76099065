// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailor.core.domain.Item;
import dev.tailor.core.domain.Price;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveCatalogTest {
    private static Item item(String id, String category, boolean deal) {
        return Item.builder(id, "Title " + id).categoryPath(List.of("Root", category)).brand("Acme")
                .price(Price.of("19.9", "CNY")).tags(deal ? List.of("Deal") : List.of()).build();
    }

    @Test
    void indicesAreStableAndReplacementsUpdateColumnsAndCategoryLists() {
        LiveCatalog c = new LiveCatalog();
        int[] first = c.upsert(List.of(item("a", "X", false), item("b", "X", true), item("c", "Y", false)));
        assertThat(first).containsExactly(0, 1, 2);
        LiveCatalog.View before = c.view();
        int x = c.categoryIndex("Root > X");
        int y = c.categoryIndex("Root > Y");
        assertThat(before.itemsInCategory(x)).containsExactly(0, 1);
        assertThat(before.dealCount()).isEqualTo(1);
        assertThat(c.upsert(List.of(item("b", "Y", false), item("d", "X", false)))).containsExactly(1, 3);
        LiveCatalog.View after = c.view();
        assertThat(after.itemsInCategory(x)).containsExactly(0, 3);
        assertThat(after.itemsInCategory(y)).containsExactly(2, 1);
        assertThat(after.deal(1)).isFalse();
        assertThat(after.dealCount()).isZero();
        // An older view keeps its own size and category lists.
        assertThat(before.size()).isEqualTo(3);
        assertThat(before.indexOf("d")).isEqualTo(-1);
        assertThat(before.itemsInCategory(x)).containsExactly(0, 1);
        assertThat(after.indexOf("d")).isEqualTo(3);
        assertThat(c.indexOf("zzz")).isEqualTo(-1);
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        LiveCatalog c = new LiveCatalog();
        for (int i = 0; i < 200; i++) {
            assertThat(c.upsert(List.of(item("i" + i, "C" + (i % 7), i % 3 == 0)))).containsExactly(i);
        }
        LiveCatalog.View v = c.view();
        assertThat(v.size()).isEqualTo(200);
        assertThat(v.id(199)).isEqualTo("i199");
        assertThat(v.dealCount()).isEqualTo(67);
        assertThat(c.categoryCount()).isEqualTo(7);
        assertThat(v.price(5)).isEqualTo(19.9f);
        assertThat(v.logPrice(5)).isEqualTo((float) Math.log(19.9f));
    }

    @Test
    void preRenderedJsonHoldsTheFixedFieldsAndTheTitle() throws Exception {
        LiveCatalog c = new LiveCatalog();
        c.upsert(List.of(Item.builder("q\"1", "手机壳 \"pro\"").language("zh").localizedTitle("en", "Case")
                .categoryPath(List.of("Electronics", "Phone cases")).price(Price.of("49", "CNY")).build()));
        LiveCatalog.View v = c.view();
        JsonNode n = new ObjectMapper().readTree("{" + new String(v.json(0), "UTF-8") + ","
                + new String(v.titleJson(0), "UTF-8") + "}");
        assertThat(n.path("id").asText()).isEqualTo("q\"1");
        assertThat(n.path("category").asText()).isEqualTo("Electronics > Phone cases");
        assertThat(n.path("price").asInt()).isEqualTo(49);
        assertThat(n.path("currency").asText()).isEqualTo("CNY");
        assertThat(n.path("available").asBoolean()).isTrue();
        assertThat(n.path("title").asText()).isEqualTo("手机壳 \"pro\"");
        assertThat(n.has("brand")).isFalse();
        assertThat(v.primaryTitle(0, "zh")).isTrue();
        assertThat(v.primaryTitle(0, "en")).isFalse();
        assertThat(v.primaryTitle(0, "fr")).isTrue();
        assertThat(v.title(0, "en")).isEqualTo("Case");
    }
}
