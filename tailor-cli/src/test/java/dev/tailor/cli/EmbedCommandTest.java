// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedCommandTest {
    @Test
    void encodesTheCatalogOnceAndThenOnlyFromTheCache(@TempDir Path dir) {
        String store = "h2:" + dir.resolve("shop");
        Cli shop = Cli.run("sample-shop", "--items", "40", "--customers", "10", "--store", store);
        assertThat(shop.exitCode()).as(shop.err()).isZero();

        Cli first = Cli.run("embed", "--store", store);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Embedded 40 items with multilingual[bge-small-zh-v1.5-q@512"
                + "+all-minilm-l6-v2-q@256]").containsPattern("40 encoded \\(\\d+ items/s\\), 0 already cached");

        Cli again = Cli.run("embed", "--store", store);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 encoded").contains("40 already cached")
                .contains("Embedding cache: 40 vectors");

        Cli other = Cli.run("embed", "--store", store, "--model", "all-minilm-l6-v2-q");
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(other.out()).contains("40 encoded").contains("all-minilm-l6-v2-q@256");
    }

    @Test
    void unknownModelAndEmptyCatalogAreExplained(@TempDir Path dir) {
        String store = "h2:" + dir.resolve("empty");
        Cli empty = Cli.run("embed", "--store", store);
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).contains("No items");

        Cli.run("sample-shop", "--items", "5", "--customers", "2", "--store", store);
        Cli bad = Cli.run("embed", "--store", store, "--model", "gpt-9");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown text model 'gpt-9'").contains("multilingual, bge-small-zh-v1.5-q");
        assertThat(bad.err()).doesNotContain("Exception");

        Cli badBatch = Cli.run("embed", "--store", store, "--batch", "0");
        assertThat(badBatch.exitCode()).isEqualTo(2);
        assertThat(badBatch.err()).contains("--batch");
    }
}
