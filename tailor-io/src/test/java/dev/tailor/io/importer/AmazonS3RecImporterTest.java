// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import dev.tailor.core.testing.SharedData;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AmazonS3RecImporterTest {
    private final AmazonS3RecImporter importer = new AmazonS3RecImporter();

    @Test
    void eachItemOfALineIsAnOrderedPurchaseAndEachItemIsWrittenOnce() {
        RecordingWriter w = new RecordingWriter();
        ImportReport r = importer.importInto(TestFiles.resource("amazon-s3rec/Tiny_Shop.txt"), w);
        assertThat(r.rowsRead()).isEqualTo(3);
        assertThat(r.eventsImported()).isEqualTo(9);
        assertThat(w.items).extracting(Item::id).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(w.items.get(0).title()).isEqualTo("Tiny Shop item 1");
        assertThat(w.items.get(0).categoryPath()).containsExactly("Tiny Shop");
        assertThat(w.events).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.PURCHASE));
        assertThat(w.events.subList(3, 5)).extracting(Event::userId, Event::itemId, Event::timestamp)
                .containsExactly(tuple("2", "4", Instant.EPOCH),
                        tuple("2", "2", Instant.ofEpochSecond(1)));
    }

    @Test
    void snapshotSequencesKeepTheFileOrder() {
        SnapshotBuilder b = new SnapshotBuilder("tiny");
        importer.importInto(TestFiles.resource("amazon-s3rec/Tiny_Shop.txt"), b);
        Snapshot s = b.build();
        int[] seq = s.interactions().sequence(s.users().indexOf("3"));
        assertThat(Arrays.stream(seq).mapToObj(i -> s.items().id(i)).toList()).containsExactly("5", "1", "6", "2");
    }

    @Test
    void aLineWithoutItemsIsRejectedAtItsLine() {
        assertThatThrownBy(() -> importer.importInto(TestFiles.resource("amazon-s3rec/Broken.txt"),
                new RecordingWriter())).isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.report().problems().get(0).line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("Broken.txt:2: expected a user id followed by at least one");
                });
        assertThat(importer.recognizes(TestFiles.resource("amazon-s3rec/Tiny_Shop.txt"))).isTrue();
        assertThat(importer.recognizes(TestFiles.resource("taobao/UserBehavior.csv"))).isFalse();
    }

    @Test
    void realBeautyAndSportsHaveThePublishedCounts() {
        assertCounts(SharedData.require("amazon-s3rec").resolve("Beauty.txt"), 22_363, 12_101, 198_502);
        assertCounts(SharedData.require("amazon-s3rec").resolve("Sports_and_Outdoors.txt"), 35_598, 18_357, 296_337);
    }

    private void assertCounts(Path file, int users, int items, int events) {
        SnapshotBuilder b = new SnapshotBuilder(file.getFileName().toString());
        ImportReport r = importer.importInto(file, b);
        Snapshot s = b.build();
        assertThat(r.rowsRead()).isEqualTo(users);
        assertThat(r.itemsImported()).isEqualTo(items);
        assertThat(r.eventsImported()).isEqualTo(events);
        assertThat(s.numUsers()).isEqualTo(users);
        assertThat(s.numItems()).isEqualTo(items);
        assertThat(s.interactions().size()).isEqualTo(events);
    }
}
