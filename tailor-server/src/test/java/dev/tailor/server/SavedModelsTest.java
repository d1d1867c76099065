// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static dev.tailor.server.ServerFixture.ADMIN;
import static dev.tailor.server.ServerFixture.READ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.domain.Item;
import dev.tailor.core.store.ArchivedModel;
import dev.tailor.core.store.Store;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import dev.tailor.server.scene.ServingExtensions;
import dev.tailor.server.training.SavedModelSets;
import dev.tailor.store.jdbc.JdbcStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts over real HTTP on an H2 file store: the first server trains and saves its model set; a second one on
 * the reopened store serves that same set without training and answers the same; a changed catalog or models
 * configuration makes the saved set unusable, and the server trains again.
 */
class SavedModelsTest {
    @TempDir
    Path dir;

    private String spec() {
        return "h2:" + dir;
    }

    /** A server over the store in {@link #dir}; the caller stops it and closes the store. */
    private TailorServer start(Store store, UnaryOperator<ServerConfig> tweak) {
        return TailorServer.create(tweak.apply(ServerFixture.config()), store, ServingExtensions.NONE,
                Algorithms.standard()).start();
    }

    private static JsonNode models(ApiClient client) {
        ApiClient.Answer a = client.get("/v1/admin/models", ADMIN);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    /** The recommendations of a few scenes, without what differs per request (request ids). */
    private static List<String> answers(ApiClient client, List<String> users, List<String> items) {
        List<String> out = new ArrayList<>();
        for (String u : users) {
            ApiClient.Answer a = client.get("/v1/users/" + u + "/home", READ);
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            a.json().path("rows").forEach(r -> out.add(r.path("title") + " " + r.path("items")));
        }
        for (String i : items) {
            ApiClient.Answer a = client.get("/v1/items/" + i + "/similar?k=10", READ);
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            out.add(a.json().path("items").toString());
        }
        return out;
    }

    @Test
    void aRestartedServerServesTheSavedSetWithoutTraining() {
        List<String> users = new ArrayList<>();
        List<String> items = new ArrayList<>();
        String label;
        String trainedAt;
        List<String> before;
        try (Store store = JdbcStores.open(spec())) {
            store.write(w -> new SampleShopGenerator(ServerFixture.smallShop()).writeTo(w));
            TailorServer first = start(store, c -> c);
            try {
                ApiClient client = new ApiClient(first.baseUri());
                JsonNode m = models(client);
                assertThat(m.path("training").path("state").asText()).isEqualTo("succeeded");
                label = m.path("model_set").path("label").asText();
                trainedAt = m.path("model_set").path("trained_at").asText();
                assertThat(m.path("model_set").path("version").asLong()).isEqualTo(1);
                for (int u = 0; u < 5; u++) {
                    users.add(first.models().get().histories().userId(u * 7));
                    items.add(first.catalog().view().id(u * 11));
                }
                before = answers(client, users, items);
                assertThat(before).anySatisfy(s -> assertThat(s).contains("\"id\""));
            } finally {
                first.stop();
            }
            List<ArchivedModel> saved = store.modelArchive().orElseThrow().list(SavedModelSets.KIND);
            assertThat(saved).hasSize(1);
            assertThat(saved.get(0).metadata()).containsEntry("label", label);
        }

        try (Store store = JdbcStores.open(spec())) {
            long t0 = System.nanoTime();
            TailorServer second = start(store, c -> c);
            long startMillis = (System.nanoTime() - t0) / 1_000_000;
            try {
                ApiClient client = new ApiClient(second.baseUri());
                JsonNode m = models(client);
                assertThat(m.path("training").path("state").asText()).as("started %d ms", startMillis)
                        .isEqualTo("idle");
                assertThat(m.path("model_set").path("label").asText()).isEqualTo(label);
                assertThat(m.path("model_set").path("trained_at").asText()).isEqualTo(trainedAt);
                assertThat(answers(client, users, items)).isEqualTo(before);

                // The next training continues the version sequence and is saved in turn.
                ApiClient.Answer trained = client.post("/v1/admin/train?wait=true", ADMIN, "{}");
                assertThat(trained.status()).as(trained.body()).isEqualTo(200);
                assertThat(trained.json().path("model_set").path("version").asLong()).isEqualTo(2);
            } finally {
                second.stop();
            }
            assertThat(store.modelArchive().orElseThrow().list(SavedModelSets.KIND)).hasSize(2);
        }
    }

    @Test
    void aChangedCatalogOrModelsConfigurationRetrains() {
        try (Store store = JdbcStores.open(spec())) {
            store.write(w -> new SampleShopGenerator(ServerFixture.smallShop()).writeTo(w));
            start(store, c -> c).stop();
            // An item whose id sorts first shifts every catalog index: the saved set no longer fits.
            store.write(w -> {
                w.upsertItems(List.of(Item.builder("!first", "A new first item").build()));
                return null;
            });
            TailorServer second = start(store, c -> c);
            try {
                JsonNode m = models(new ApiClient(second.baseUri()));
                assertThat(m.path("training").path("state").asText()).isEqualTo("succeeded");
                assertThat(m.path("model_set").path("version").asLong()).isEqualTo(2);
            } finally {
                second.stop();
            }
            // Unchanged catalog, different models configuration: trains as well.
            TailorServer third = start(store, c -> c.withModels(c.models().withExtraModels(List.of("pop"))));
            try {
                JsonNode m = models(new ApiClient(third.baseUri()));
                assertThat(m.path("training").path("state").asText()).isEqualTo("succeeded");
                assertThat(m.path("model_set").path("version").asLong()).isEqualTo(3);
            } finally {
                third.stop();
            }
            // And with both as last saved, the next start loads again.
            TailorServer fourth = start(store, c -> c.withModels(c.models().withExtraModels(List.of("pop"))));
            try {
                JsonNode m = models(new ApiClient(fourth.baseUri()));
                assertThat(m.path("training").path("state").asText()).isEqualTo("idle");
                assertThat(m.path("model_set").path("version").asLong()).isEqualTo(3);
            } finally {
                fourth.stop();
            }
            assertThat(store.modelArchive().orElseThrow().list(SavedModelSets.KIND))
                    .hasSize(SavedModelSets.KEEP);
        }
    }
}
