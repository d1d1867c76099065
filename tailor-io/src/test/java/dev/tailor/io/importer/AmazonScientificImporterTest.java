// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import dev.tailor.core.testing.SharedData;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AmazonScientificImporterTest {
    private final AmazonScientificImporter importer = new AmazonScientificImporter();

    @Test
    void splitsTheItemTextIntoTitleCategoriesAndBrand() {
        Item clamp = AmazonScientificImporter.item("A", "Mr. Widget 3 in. Pro Clamp. Industrial & Scientific Hand "
                + "Tools Clamps. Mr. Tools. ");
        assertThat(clamp.title()).isEqualTo("Mr. Widget 3 in. Pro Clamp");
        assertThat(clamp.categoryPath()).containsExactly("Industrial & Scientific", "Hand Tools Clamps");
        assertThat(clamp.brand()).isEqualTo("Mr. Tools");
        assertThat(clamp.description()).startsWith("Mr. Widget").endsWith("Mr. Tools.");
        assertThat(clamp.language()).isEqualTo("en");

        Item spray = AmazonScientificImporter.item("B", "Gizmo Spray, 12 oz. (Pack of 1). . Gizmo Co. ");
        assertThat(spray.title()).isEqualTo("Gizmo Spray, 12 oz. (Pack of 1)");
        assertThat(spray.categoryPath()).isEmpty();
        assertThat(spray.brand()).isEqualTo("Gizmo Co");

        Item plain = AmazonScientificImporter.item("C", "Plain Thing. Industrial & Scientific. . ");
        assertThat(plain.title()).isEqualTo("Plain Thing");
        assertThat(plain.categoryPath()).containsExactly("Industrial & Scientific");
        assertThat(plain.brand()).isNull();
    }

    @Test
    void historiesAreTestListPlusTargetWithRawIds() {
        RecordingWriter w = new RecordingWriter();
        ImportReport r = importer.importInto(TestFiles.resource("amazon-unisrec"), w);
        assertThat(r.itemsImported()).isEqualTo(3);
        assertThat(r.rowsRead()).as("3 + 2 index lines, 3 texts, 2 histories; headers are not rows").isEqualTo(10);
        assertThat(w.events).extracting(Event::userId, Event::itemId).containsExactly(
                tuple("A1REVIEWER", "B000000001"),
                tuple("A1REVIEWER", "B000000002"),
                tuple("A1REVIEWER", "B000000003"),
                tuple("A2REVIEWER", "B000000003"),
                tuple("A2REVIEWER", "B000000001"));
        assertThat(importer.recognizes(TestFiles.resource("amazon-unisrec"))).isTrue();
    }

    @Test
    void anIndexOutsideTheIndexFileIsRejectedWithItsField() {
        assertThatThrownBy(() -> importer.importInto(TestFiles.resource("amazon-unisrec-bad"), new RecordingWriter()))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    var p = e.report().problems().get(0);
                    assertThat(p.source()).isEqualTo("Mini.test.inter");
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.field()).isEqualTo("item_id_list");
                    assertThat(p.reason()).contains("index 9 is not in the index file (0..2)");
                });
    }

    @Test
    void realScientificHasTheVerifiedCounts() {
        Path dir = SharedData.require("amazon-scientific");
        SnapshotBuilder b = new SnapshotBuilder("amazon-scientific");
        ImportReport r = importer.importInto(dir, b);
        Snapshot s = b.build();
        assertThat(r.itemsImported()).isEqualTo(4_385);
        assertThat(r.eventsImported()).isEqualTo(59_384);
        assertThat(s.numUsers()).isEqualTo(8_442);
        assertThat(s.numItems()).isEqualTo(4_385);
        assertThat(s.interactions().size()).isEqualTo(59_384);

        int first = s.users().indexOf("ABW8NXS7SV55K");
        int[] seq = s.interactions().sequence(first);
        assertThat(seq).hasSize(14);
        assertThat(Arrays.stream(seq).limit(2).mapToObj(i -> s.items().id(i)).toList())
                .containsExactly("B00TNNWMXI", "B00IBZE2EQ");
        int roll = s.items().indexOf("B0000223SI");
        assertThat(s.itemFeatures().title(roll))
                .isEqualTo("PORTER-CABLE 740000801 4 1/2-Inch x 10yd 80 Grit Adhesive-Backed Sanding Roll");
        assertThat(s.itemFeatures().brands().id(s.itemFeatures().brand(roll))).isEqualTo("PORTER-CABLE");
        assertThat(s.itemFeatures().categories().id(s.itemFeatures().topCategory(roll)))
                .isEqualTo("Industrial & Scientific");
    }
}
