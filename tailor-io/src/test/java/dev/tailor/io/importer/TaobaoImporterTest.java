// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.Problem;
import dev.tailor.core.testing.SharedData;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaobaoImporterTest {
    private final TaobaoImporter importer = new TaobaoImporter();

    @Test
    void mapsBehavioursAndWritesEachItemOnceWithItsCategory() {
        RecordingWriter w = new RecordingWriter();
        importer.importInto(TestFiles.resource("taobao/UserBehavior.csv"), w);
        assertThat(w.events).extracting(Event::type).containsExactly(EventType.VIEW, EventType.ADD_TO_CART,
                EventType.PURCHASE, EventType.FAVORITE);
        assertThat(w.events.get(0).timestamp()).isEqualTo(Instant.ofEpochSecond(1_511_544_070));
        assertThat(w.items).extracting(Item::id).containsExactly("100", "101", "102");
        assertThat(w.items.get(2).categoryPath()).containsExactly("11");
        assertThat(w.items.get(2).title()).isEqualTo("Taobao item 102");
    }

    @Test
    void unknownBehaviourAndBadTimestampAreRejectedWithLineAndColumn() {
        RecordingWriter w = new RecordingWriter();
        ImportReport r = importer.importInto(TestFiles.resource("taobao/Broken.csv"), w,
                ImportOptions.defaults().withMaxErrors(2), ImportProgress.NONE);
        assertThat(r.problems()).extracting(Problem::line, Problem::field).containsExactly(
                tuple(2L, "behavior_type"),
                tuple(3L, "timestamp"));
        assertThat(r.problems().get(0).reason()).contains("'teleport'", "expected one of view");
        assertThat(w.items).as("a rejected row leaves no item behind").extracting(Item::id)
                .containsExactly("100", "102");
        assertThat(r.eventsImported()).isEqualTo(2);
    }

    @Test
    void realSampleHasTheVerifiedCounts() {
        SnapshotBuilder b = new SnapshotBuilder("taobao");
        ImportReport r = importer.importInto(
                SharedData.require("taobao-userbehavior-sample").resolve("UserBehavior.csv"), b);
        Snapshot s = b.build();
        assertThat(r.eventsImported()).isEqualTo(4_321);
        assertThat(s.numUsers()).isEqualTo(43);
        assertThat(s.numItems()).isEqualTo(3_276);
        assertThat(s.itemFeatures().categories().size()).isEqualTo(567);
        Interactions in = s.interactions();
        Map<EventType, Integer> byType = new EnumMap<>(EventType.class);
        for (int k = 0; k < in.size(); k++) {
            byType.merge(in.type(k), 1, Integer::sum);
        }
        assertThat(byType).isEqualTo(Map.of(EventType.VIEW, 3_926, EventType.ADD_TO_CART, 190,
                EventType.FAVORITE, 128, EventType.PURCHASE, 77));
    }
}
