// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.Problem;
import dev.tailor.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MovieLens100kImporterTest {
    private final MovieLens100kImporter importer = new MovieLens100kImporter();

    @Test
    void importsTheFixtureIntoRecords() {
        RecordingWriter w = new RecordingWriter();
        ImportReport report = importer.importInto(TestFiles.resource("ml-100k"), w);

        assertThat(report.itemsImported()).isEqualTo(3);
        assertThat(report.customersImported()).isEqualTo(2);
        assertThat(report.eventsImported()).isEqualTo(5);
        assertThat(report.rowsRead()).isEqualTo(4 + 3 + 2 + 5);
        assertThat(report.rejectedRows()).isZero();

        Item alpha = w.items.get(0);
        assertThat(alpha.title()).isEqualTo("Alpha Strike (1995)");
        assertThat(alpha.categoryPath()).containsExactly("Movies", "Action");
        assertThat(alpha.tags()).containsExactly("Action", "Comedy");
        assertThat(alpha.createdAt()).isEqualTo(Instant.parse("1995-01-01T00:00:00Z"));
        assertThat(alpha.attributes()).containsEntry("year", "1995").containsEntry("imdb_url",
                "http://example.org/alpha");
        assertThat(w.items.get(1).title()).as("Latin-1 byte 0xE9 is é").isEqualTo("Café Bleu (1996)");
        Item unknown = w.items.get(2);
        assertThat(unknown.categoryPath()).as("the 'unknown' flag means no genre").containsExactly("Movies");
        assertThat(unknown.tags()).isEmpty();
        assertThat(unknown.createdAt()).isNull();

        Customer second = w.customers.get(1);
        assertThat(second.age()).isEqualTo(53);
        assertThat(second.gender()).isEqualTo(Gender.FEMALE);
        assertThat(second.region()).isEqualTo("T8H1N");
        assertThat(second.attributes()).containsEntry("occupation", "other");

        assertThat(w.events.get(0).type()).isEqualTo(EventType.RATING);
        assertThat(w.events.get(0).value()).isEqualTo(5.0);
        assertThat(w.events.get(0).timestamp()).isEqualTo(Instant.ofEpochSecond(881250949));
    }

    @Test
    void progressIsBoundedByTheSummedFileSizes() throws IOException {
        Path dir = TestFiles.resource("ml-100k");
        long total = 0;
        for (String f : List.of("u.genre", "u.item", "u.user", "u.data")) {
            total += Files.size(dir.resolve(f));
        }
        long[] seen = {-1, -1, -1};
        importer.importInto(dir, new RecordingWriter(), ImportOptions.defaults(), new ImportProgress() {
            @Override
            public void begin(long totalBytes) {
                seen[0] = totalBytes;
            }

            @Override
            public void advance(long bytesRead, long rowsRead) {
                assertThat(bytesRead).isBetween(seen[1], seen[0]);
                seen[1] = bytesRead;
                seen[2] = rowsRead;
            }
        });
        assertThat(seen).containsExactly(total, total, 14);
    }

    @Test
    void snapshotFastPathMatchesTheRecordPath() {
        SnapshotBuilder b = new SnapshotBuilder("fixture");
        importer.importInto(TestFiles.resource("ml-100k"), b);
        Snapshot s = b.build();
        Interactions in = s.interactions();
        int u1 = s.users().indexOf("1");
        assertThat(in.count(u1)).isEqualTo(3);
        List<Float> values = new ArrayList<>();
        for (int k = in.start(u1); k < in.end(u1); k++) {
            values.add(in.value(k));
        }
        assertThat(values).as("time-ordered stars of user 1").containsExactly(5f, 3f, 2f);
        assertThat(s.itemFeatures().title(s.items().indexOf("2"))).isEqualTo("Café Bleu (1996)");
    }

    @Test
    void aBadRatingInTheMiddleIsRejectedWithFileLineAndField() {
        Path dir = TestFiles.resource("ml-100k-bad-rating");
        assertThatThrownBy(() -> importer.importInto(dir, new RecordingWriter()))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    Problem p = e.report().problems().get(0);
                    assertThat(p.source()).isEqualTo("u.data");
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.field()).isEqualTo("rating");
                    assertThat(e.getMessage()).contains("u.data:3: field 'rating': expected a number", "'four'");
                });

        RecordingWriter w = new RecordingWriter();
        ImportReport lenient = importer.importInto(dir, w, ImportOptions.defaults().withMaxErrors(1),
                ImportProgress.NONE);
        assertThat(lenient.eventsImported()).isEqualTo(4);
        assertThat(lenient.rejectedByReason()).containsExactly(Map.entry("rating", 1L));
        assertThat(lenient.summary()).contains("Rejected 1 row (rating: 1)", "u.data:3");
    }

    @Test
    void aFolderWithoutTheRatingsFileNamesWhatIsMissing() {
        Path notMl = TestFiles.resource("ml-100k").getParent();
        assertThatThrownBy(() -> importer.importInto(notMl, new RecordingWriter()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("missing u.genre, u.item, u.user, u.data");
    }

    @Test
    void realMovieLens100kHasThePublishedCounts() {
        Path dir = SharedData.require("ml-100k");
        SnapshotBuilder b = new SnapshotBuilder("ml-100k");
        ImportReport report = importer.importInto(dir, b);
        Snapshot s = b.build();

        assertThat(report.eventsImported()).isEqualTo(100_000);
        assertThat(report.customersImported()).isEqualTo(943);
        assertThat(report.itemsImported()).isEqualTo(1_682);
        assertThat(s.interactions().size()).isEqualTo(100_000);
        assertThat(s.numUsers()).isEqualTo(943);
        assertThat(s.numItems()).isEqualTo(1_682);
        assertThat(s.userFeatures().age(s.users().indexOf("1"))).isEqualTo(24);
    }
}
