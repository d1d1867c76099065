// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.store.ArchivedModel;
import dev.tailor.core.store.Store;
import dev.tailor.server.training.SavedModelSets;
import dev.tailor.store.jdbc.JdbcStores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @Test
    void trainsAndSavesModelSetsWithIncreasingVersions(@TempDir Path tmp) {
        String store = "h2:" + tmp.resolve("shop");
        Cli shop = Cli.run("sample-shop", "--items", "300", "--customers", "300", "--seed", "5", "--store", store);
        assertThat(shop.exitCode()).as(shop.err()).isZero();

        Cli first = Cli.run("train", "--store", store);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("Trained model set v1-").contains("300 items").contains("saved it in H2");
        Cli second = Cli.run("train", "--store", store);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).startsWith("Trained model set v2-");

        try (Store s = JdbcStores.open(store)) {
            List<ArchivedModel> saved = s.modelArchive().orElseThrow().list(SavedModelSets.KIND);
            assertThat(saved).extracting(e -> e.metadata().get("version")).containsExactly("2", "1");
        }
    }

    @Test
    void aMissingConfigFileIsNamed(@TempDir Path tmp) {
        Cli r = Cli.run("train", "--store", "h2:" + tmp.resolve("s"), "--config", tmp.resolve("nope.json").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("--config").contains("nope.json");
    }
}
