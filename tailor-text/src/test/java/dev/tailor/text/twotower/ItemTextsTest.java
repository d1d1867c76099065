// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.twotower;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.Item;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemTextsTest {
    @Test
    void titleCategoryPathBrandWithEmptyPartsLeftOut() {
        Item full = Item.builder("a", "Phone Case").categoryPath(List.of("Phones", "Cases")).brand("Acme").build();
        Item bare = Item.builder("b", "  Cable ").build();
        Item noCategory = Item.builder("c", "防摔手机壳").brand("小米").build();
        assertThat(ItemTexts.of(full)).isEqualTo("Phone Case. Phones > Cases. Acme");
        assertThat(ItemTexts.of(bare)).isEqualTo("Cable");
        assertThat(ItemTexts.of(noCategory)).isEqualTo("防摔手机壳. 小米");

        SnapshotBuilder b = new SnapshotBuilder("t");
        b.upsertItems(List.of(full, bare, noCategory));
        Snapshot s = b.build();
        String[] texts = ItemTexts.of(s.itemFeatures());
        // The snapshot's columns give the same text as the record.
        assertThat(texts[s.items().indexOf("a")]).isEqualTo(ItemTexts.of(full));
        assertThat(texts[s.items().indexOf("b")]).isEqualTo("Cable");
        assertThat(texts[s.items().indexOf("c")]).isEqualTo("防摔手机壳. 小米");
    }
}
