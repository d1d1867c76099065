// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.testing.SharedData;
import org.junit.jupiter.api.Test;

class DatasetImportersTest {
    @Test
    void findsImportersByNameCaseInsensitively() {
        assertThat(DatasetImporters.all()).extracting(DatasetImporter::name).containsExactly("ml-100k", "ml-1m",
                "amazon-s3rec", "amazon-scientific", "taobao", "movielens");
        assertThat(DatasetImporters.byName("ML-100K")).get().isInstanceOf(MovieLens100kImporter.class);
        assertThat(DatasetImporters.byName("netflix")).isEmpty();
        assertThatThrownBy(() -> DatasetImporters.require("netflix")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("unknown dataset format 'netflix'; expected one of ml-100k, ml-1m");
    }

    @Test
    void detectsEachFixtureFormat() {
        assertThat(DatasetImporters.detect(TestFiles.resource("ml-100k"))).get().extracting(DatasetImporter::name)
                .isEqualTo("ml-100k");
        assertThat(DatasetImporters.detect(TestFiles.resource("ml-1m"))).get().extracting(DatasetImporter::name)
                .isEqualTo("ml-1m");
        assertThat(DatasetImporters.detect(TestFiles.resource("amazon-s3rec/Tiny_Shop.txt"))).get()
                .extracting(DatasetImporter::name).isEqualTo("amazon-s3rec");
        assertThat(DatasetImporters.detect(TestFiles.resource("amazon-unisrec"))).get()
                .extracting(DatasetImporter::name).isEqualTo("amazon-scientific");
        assertThat(DatasetImporters.detect(TestFiles.resource("taobao/UserBehavior.csv"))).get()
                .extracting(DatasetImporter::name).isEqualTo("taobao");
        assertThat(DatasetImporters.detect(TestFiles.resource("csv/events.csv"))).isEmpty();
        assertThat(DatasetImporters.detect(TestFiles.resource("csv").resolve("no-such-file"))).isEmpty();
    }

    @Test
    void movielensPicksTheReleaseFromTheFolder() {
        DatasetImporter ml = DatasetImporters.require("movielens");
        RecordingWriter w = new RecordingWriter();
        ml.importInto(TestFiles.resource("ml-1m"), w);
        assertThat(w.customers.get(0).attributes()).containsKey("age_range");
        assertThatThrownBy(() -> ml.importInto(TestFiles.resource("taobao"), new RecordingWriter()))
                .isInstanceOf(ImportFailedException.class).hasMessageContaining("holds neither MovieLens 100K");
    }

    @Test
    void datasetsLoadByNameOrPath() {
        SharedData.require("ml-100k");
        Snapshot byName = Datasets.load("ml-100k");
        assertThat(byName.name()).isEqualTo("ml-100k");
        assertThat(byName.interactions().size()).isEqualTo(100_000);

        Snapshot byPath = Datasets.load(TestFiles.resource("taobao/UserBehavior.csv").toString());
        assertThat(byPath.name()).isEqualTo("UserBehavior.csv");
        assertThat(byPath.interactions().size()).isEqualTo(4);

        assertThatThrownBy(() -> Datasets.load("no-such-dataset")).isInstanceOf(TailorException.class)
                .hasMessageContaining("neither a known dataset (amazon-beauty, amazon-scientific, amazon-sports, "
                        + "ml-100k, ml-1m-partial, taobao-sample)");
    }
}
