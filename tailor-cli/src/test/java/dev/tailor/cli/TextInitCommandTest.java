// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sequential models' {@code textinit=MODEL} through the CLI's registry: a sample shop's item texts encoded by
 * the shipped MiniLM, the item embeddings started from their principal components, and the report saying so.
 */
class TextInitCommandTest {
    private static final String SMALL = "dim=16,blocks=1,maxlen=10,epochs=2,vusers=50,negatives=0,threads=1";

    @TempDir
    Path tmp;

    @Test
    void evaluateTrainsSasrecFromTheItemTextsAndRecordsTheInitInTheReport() throws IOException {
        String store = "h2:" + tmp.resolve("shop");
        Cli shop = Cli.run("sample-shop", "--items", "200", "--customers", "200", "--seed", "5", "--store", store);
        assertThat(shop.exitCode()).as(shop.err()).isZero();

        Cli r = Cli.run("evaluate", "--data", "store:" + store, "--protocol", "loo", "--models",
                "sasrec:" + SMALL + ",textinit=all-minilm-l6-v2-q", "--out", tmp.resolve("out").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();

        JsonNode model = new ObjectMapper().readTree(tmp.resolve("out/metrics.json").toFile()).path("models").get(0);
        assertThat(model.path("label").asText()).contains("textinit=all-minilm-l6-v2-q");
        // Every sample-shop item has a title, so every item's row starts from the text vectors' PCA.
        assertThat(model.path("modelConfig").path("item-init").asText())
                .matches("pca of 384-d vectors \\(all-minilm-l6-v2-q@\\d+\\), (\\d+) of \\1 items");
    }

    @Test
    void anUnknownTextModelIsNamedWithTheKnownOnesBeforeAnyTraining() {
        String store = "h2:" + tmp.resolve("shop");
        Cli shop = Cli.run("sample-shop", "--items", "50", "--customers", "50", "--seed", "5", "--store", store);
        assertThat(shop.exitCode()).as(shop.err()).isZero();

        Cli r = Cli.run("evaluate", "--data", "store:" + store, "--protocol", "loo", "--models",
                "pop gru4rec:textinit=minilm", "--out", tmp.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("textinit", "unknown text model 'minilm'", "all-minilm-l6-v2-q", "multilingual");
        EvaluateCommandTest.assertNoStackTrace(r);
    }
}
