// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.content;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import dev.tailor.core.domain.Price;
import java.util.List;

/**
 * Four items small enough to score by hand. i3 has no events. User "u" viewed i0 (weight 1) and bought i2
 * (weight 5); user "v" viewed i1; user "w" viewed i1 and i2.
 * <pre>
 * item  category  brand  price  colour
 * i0    A > X     B1     30     red
 * i1    A > X     B2     30     blue
 * i2    C > Y     B1     300    red
 * i3    C > Y     B2     30     red
 * </pre>
 */
public final class TinyShop {
    private TinyShop() {
    }

    public static Snapshot snapshot() {
        SnapshotBuilder b = new SnapshotBuilder("tiny");
        b.upsertItems(List.of(item("i0", "Alpha widget", "A", "X", "B1", "30", "red"),
                item("i1", "Beta widget", "A", "X", "B2", "30", "blue"),
                item("i2", "Alpha gadget", "C", "Y", "B1", "300", "red"),
                item("i3", "Gamma gadget", "C", "Y", "B2", "30", "red")));
        b.addEvent("u", "i0", EventType.VIEW.ordinal(), 1, 1_000);
        b.addEvent("u", "i2", EventType.PURCHASE.ordinal(), 1, 2_000);
        b.addEvent("v", "i1", EventType.VIEW.ordinal(), 1, 1_000);
        b.addEvent("w", "i1", EventType.VIEW.ordinal(), 1, 1_000);
        b.addEvent("w", "i2", EventType.VIEW.ordinal(), 1, 2_000);
        return b.build();
    }

    private static Item item(String id, String title, String root, String leaf, String brand, String price,
            String colour) {
        return Item.builder(id, title).categoryPath(List.of(root, leaf)).brand(brand).price(Price.of(price, "CNY"))
                .attribute("colour", colour).build();
    }
}
