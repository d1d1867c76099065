// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.Problem;
import dev.tailor.core.testing.SharedData;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MovieLens1mImporterTest {
    private final MovieLens1mImporter importer = new MovieLens1mImporter();

    @Test
    void importsTheFixtureWithGzippedRatingsAndDecodedCodes() {
        RecordingWriter w = new RecordingWriter();
        ImportReport r = importer.importInto(TestFiles.resource("ml-1m"), w);
        assertThat(r.itemsImported()).isEqualTo(3);
        assertThat(r.customersImported()).isEqualTo(3);
        assertThat(r.eventsImported()).isEqualTo(4);

        Item alpha = w.items.get(0);
        assertThat(alpha.categoryPath()).containsExactly("Movies", "Action");
        assertThat(alpha.tags()).containsExactly("Action", "Comedy");
        assertThat(w.items.get(1).title()).isEqualTo("Misérables, Les (1995)");
        assertThat(w.items.get(2).categoryPath()).containsExactly("Movies");

        Customer first = w.customers.get(0);
        assertThat(first.gender()).isEqualTo(Gender.FEMALE);
        assertThat(first.age()).as("code 1 = Under 18 -> 15").isEqualTo(15);
        assertThat(first.attributes()).isEqualTo(Map.of("age_range", "Under 18", "occupation", "K-12 student"));
        assertThat(first.region()).isEqualTo("48067");
        assertThat(w.customers.get(1).age()).as("56+ -> 60").isEqualTo(60);
        assertThat(w.customers.get(1).attributes()).containsEntry("occupation", "self-employed");

        assertThat(w.events.get(0).type()).isEqualTo(EventType.RATING);
        assertThat(w.events.get(0).timestamp()).isEqualTo(Instant.ofEpochSecond(978300760));
    }

    @Test
    void badCodesAreRejectedWithTheirField() {
        RecordingWriter w = new RecordingWriter();
        ImportReport r = importer.importInto(TestFiles.resource("ml-1m-bad-age"), w,
                ImportOptions.defaults().withMaxErrors(2), ImportProgress.NONE);
        assertThat(r.problems()).extracting(Problem::source, Problem::line, Problem::field)
                .containsExactly(tuple("users.dat", 2L, "Age"),
                        tuple("users.dat", 3L, "Gender"));
        assertThat(r.problems().get(0).reason()).contains("unknown age code 57");
        assertThat(r.eventsImported()).as("ratings_users1-1.dat found as the only ratings* file").isEqualTo(1);
    }

    @Test
    void aFolderWithoutRatingsSaysWhatItExpected() {
        assertThatThrownBy(() -> importer.importInto(TestFiles.resource("ml-100k"), new RecordingWriter()))
                .isInstanceOf(ImportFailedException.class).hasMessageContaining("missing movies.dat, users.dat");
        assertThat(importer.recognizes(TestFiles.resource("ml-1m"))).isTrue();
        assertThat(importer.recognizes(TestFiles.resource("ml-100k"))).isFalse();
    }

    @Test
    void realPartialMovieLens1mHasTheVerifiedCounts() {
        Path dir = SharedData.require("ml-1m-partial");
        SnapshotBuilder b = new SnapshotBuilder("ml-1m-partial");
        ImportReport r = importer.importInto(dir, b);
        Snapshot s = b.build();

        assertThat(r.eventsImported()).isEqualTo(487_650);
        assertThat(r.customersImported()).isEqualTo(6_040);
        assertThat(r.itemsImported()).isEqualTo(3_883);
        assertThat(s.numUsers()).isEqualTo(6_040);
        assertThat(s.numItems()).isEqualTo(3_883);
        Interactions in = s.interactions();
        int rated = 0;
        for (int u = 0; u < s.numUsers(); u++) {
            if (in.count(u) > 0) {
                rated++;
            }
        }
        assertThat(rated).isEqualTo(2_999);
        int ratedItems = 0;
        boolean[] seen = new boolean[s.numItems()];
        for (int k = 0; k < in.size(); k++) {
            if (!seen[in.item(k)]) {
                seen[in.item(k)] = true;
                ratedItems++;
            }
        }
        assertThat(ratedItems).isEqualTo(3_615);
        assertThat(s.itemFeatures().title(s.items().indexOf("73"))).isEqualTo("Misérables, Les (1995)");
    }
}
