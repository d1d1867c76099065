// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static dev.tailor.server.ServerFixture.READ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.io.sampleshop.SampleShopConfig;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.Ranker;
import dev.tailor.server.pipeline.RecommendationContext;
import dev.tailor.server.pipeline.Scenes;
import dev.tailor.server.scene.ServingExtensions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * New models plug in without server changes: a registry model named in the configuration serves as a "For you"
 * source, and a ranker handed over as an extension replaces a scene's ranking.
 */
class PluggableModelsTest {
    /** Puts the candidate with the largest catalog index first, whatever the models said. */
    static final class LargestIndexFirst implements Ranker {
        @Override
        public String name() {
            return "largest-index-first";
        }

        @Override
        public void rank(RecommendationContext ctx, Candidates c) {
            for (int i = 0; i < c.size(); i++) {
                c.setScore(i, c.item(i));
            }
        }
    }

    @Test
    void aRegistryModelInTheConfigurationAndARankerExtensionServe() {
        SampleShopConfig shop = SampleShopConfig.builder().items(120).customers(80).seed(9)
                .meanSessionsPerCustomer(4).build();
        try (ServerFixture fx = ServerFixture.start(
                c -> c.withModels(c.models().withExtraModels(List.of("user-knn:k=20"))),
                store -> store.write(w -> new SampleShopGenerator(shop).writeTo(w)),
                ServingExtensions.NONE.withRanker(Scenes.SIMILAR, new LargestIndexFirst()))) {
            List<String> sources = new ArrayList<>();
            var histories = fx.server.models().get().histories();
            for (int u = 0; u < 20; u++) {
                JsonNode home = fx.client.get("/v1/users/" + histories.userId(u) + "/home", READ).json();
                home.path("rows").get(0).path("items").forEach(i -> {
                    sources.add(i.path("source").asText());
                    if (i.path("source").asText().equals("user-knn:k=20")) {
                        assertThat(i.path("reason").asText()).isEqualTo("Picked for you by the user-knn:k=20 model");
                    }
                });
            }
            assertThat(sources).contains("user-knn:k=20", "item-knn");
            JsonNode similar = fx.client.get("/v1/items/" + fx.server.catalog().view().id(0)
                    + "/similar?diversity=0", READ).json().path("items");
            int previous = Integer.MAX_VALUE;
            for (JsonNode i : similar) {
                int index = fx.server.catalog().indexOf(i.path("id").asText());
                assertThat(index).isLessThan(previous);
                previous = index;
            }
        }
    }
}
