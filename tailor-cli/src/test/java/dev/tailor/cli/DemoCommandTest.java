// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void tourShowsStatsSnapshotAndCustomersOfThreeSegments() {
        Path dir = tmp.resolve("demo");
        Cli first = Cli.run("demo", "--items", "400", "--customers", "600", "--dir", dir.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Items        400", "Customers    600", "young-adults", "parents",
                "retirees", "bytes/event", "fingerprint");
        // Step 5: the four baselines, each with NDCG@10 and HR@10 as mean ± CI, and the test against popularity.
        String baselines = first.out().substring(first.out().indexOf("== 5. Baselines on held-out behaviour"));
        for (String model : List.of("pop", "segment-pop", "item-knn", "user-knn")) {
            assertThat(baselines).containsPattern("(?m)^  " + model + " +0\\.\\d{4} ± 0\\.\\d{4} +0\\.\\d{4} ± 0\\.\\d{4}$");
        }
        assertThat(baselines).contains("last events hidden", "beats pop on NDCG@10", "Wilcoxon p",
                "./tailor evaluate --data store:h2:" + dir);
        // Reruns start from a fresh store and, the shop being deterministic, print the same tour.
        Cli second = Cli.run("demo", "--items", "400", "--customers", "600", "--dir", dir.toString());
        assertThat(second.out().replaceAll("in [0-9.]+ s.*", "")).isEqualTo(first.out().replaceAll("in [0-9.]+ s.*", ""));
    }
}
