// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;

/**
 * Domain records as rows of the generic import format, in the column order of
 * {@link SampleShopGenerator#ITEM_COLUMNS}, {@code CUSTOMER_COLUMNS} and {@code EVENT_COLUMNS}.
 */
final class RecordRows {
    private RecordRows() {
    }

    static void item(Rows rows, StringBuilder sb, Item item) {
        rows.begin(sb);
        rows.text(sb, item.id());
        rows.text(sb, item.title());
        rows.text(sb, item.description().isEmpty() ? null : item.description());
        rows.text(sb, item.categoryPath().isEmpty() ? null : String.join(" > ", item.categoryPath()));
        rows.text(sb, item.brand());
        rows.literal(sb, item.price() == null ? null : item.price().amount().toPlainString());
        rows.text(sb, item.price() == null ? null : item.price().currency());
        rows.literal(sb, Boolean.toString(item.available()));
        if (item.createdAt() == null) {
            rows.text(sb, null);
        } else {
            rows.timestamp(sb, item.createdAt().toEpochMilli());
        }
        rows.text(sb, item.language());
        rows.list(sb, item.tags());
        rows.text(sb, item.localizedTitles().get("en"));
        rows.text(sb, item.localizedTitles().get("zh"));
        rows.text(sb, item.attributes().get("colour"));
        rows.text(sb, item.attributes().get("size"));
        rows.text(sb, item.attributes().get("material"));
        rows.end(sb);
    }

    static void customer(Rows rows, StringBuilder sb, Customer c) {
        rows.begin(sb);
        rows.text(sb, c.id());
        rows.literal(sb, c.age() == null ? null : c.age().toString());
        rows.text(sb, c.gender() == null ? null : c.gender().code());
        rows.text(sb, c.region());
        if (c.signupAt() == null) {
            rows.text(sb, null);
        } else {
            rows.timestamp(sb, c.signupAt().toEpochMilli());
        }
        rows.list(sb, c.segments());
        rows.text(sb, c.attributes().get("language"));
        rows.end(sb);
    }

    static void event(Rows rows, StringBuilder sb, Event e) {
        rows.begin(sb);
        rows.text(sb, e.userId());
        rows.text(sb, e.itemId());
        rows.text(sb, e.type().wireName());
        rows.timestamp(sb, e.timestamp().toEpochMilli());
        rows.number(sb, e.value());
        rows.text(sb, e.sessionId());
        rows.text(sb, e.scene());
        rows.text(sb, e.query());
        rows.text(sb, e.requestId());
        rows.literal(sb, e.position() == null ? null : e.position().toString());
        rows.end(sb);
    }
}
