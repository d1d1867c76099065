// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.Problem;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesImporterTest {
    @Test
    void readsEventsSkippingBlankLines() {
        RecordingWriter w = new RecordingWriter();
        ImportReport r = JsonLinesImporter.of(RecordKind.EVENTS).importInto(TestFiles.resource("jsonl/events.jsonl"),
                w);
        assertThat(r.rowsRead()).isEqualTo(3);
        assertThat(w.events).extracting(Event::type).containsExactly(EventType.VIEW, EventType.PURCHASE,
                EventType.SEARCH);
        assertThat(w.events.get(1).value()).isEqualTo(2.0);
        assertThat(w.events.get(2).timestamp()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(w.events.get(2).query()).isEqualTo("red shoes");
    }

    @Test
    void readsItemsWithArraysObjectsAndPrefixedKeys() {
        RecordingWriter w = new RecordingWriter();
        ImportReport r = JsonLinesImporter.of(RecordKind.ITEMS).importInto(TestFiles.resource("jsonl/items.jsonl"), w);
        Item shoe = w.items.get(0);
        assertThat(shoe.categoryPath()).containsExactly("Shoes", "Running");
        assertThat(shoe.price().amount().toPlainString()).isEqualTo("59.9");
        assertThat(shoe.attributes()).isEqualTo(Map.of("colour", "red", "size", "42"));
        assertThat(shoe.title("zh")).isEqualTo("红色跑鞋");
        Item phoneCase = w.items.get(1);
        assertThat(phoneCase.categoryPath()).containsExactly("Electronics", "Phones", "Cases");
        assertThat(phoneCase.tags()).containsExactly("a", "b");
        assertThat(phoneCase.attributes()).containsEntry("colour", "black");
        assertThat(r.warnings()).singleElement().asString().contains("ignored keys stock");
    }

    @Test
    void brokenLinesAreLocatedAndCountedByReason() {
        RecordingWriter w = new RecordingWriter();
        ImportReport r = JsonLinesImporter.of(RecordKind.EVENTS).importInto(
                TestFiles.resource("jsonl/events-broken.jsonl"), w, ImportOptions.defaults().withMaxErrors(10),
                ImportProgress.NONE);
        assertThat(w.events).hasSize(1);
        assertThat(r.rejectedByReason()).containsExactly(Map.entry("json syntax", 3L), Map.entry("type", 1L),
                Map.entry("value", 1L));
        assertThat(r.problems()).extracting(Problem::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(r.problems().get(0).reason()).startsWith("invalid JSON");
        assertThat(r.problems().get(1).reason()).contains("found array");
        assertThat(r.problems().get(2).reason()).contains("Duplicate field 'user_id'");
        assertThat(r.problems().get(3).reason()).contains("'teleport'");
        assertThat(r.problems().get(4).reason()).contains("a rating event needs a value");
    }
}
