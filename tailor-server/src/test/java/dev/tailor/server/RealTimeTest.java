// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static dev.tailor.server.ServerFixture.INGEST;
import static dev.tailor.server.ServerFixture.READ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** New customers and new items are served at once, without retraining. */
class RealTimeTest {
    private static ServerFixture fx;

    @BeforeAll
    static void start() {
        fx = SharedServer.get();
    }

    private static JsonNode row(JsonNode home, String kind) {
        for (JsonNode r : home.path("rows")) {
            if (r.path("kind").asText().equals(kind)) {
                return r;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void aNewCustomerGetsWhatTheirSegmentLikes() {
        assertThat(fx.client.post("/v1/customers", INGEST, Map.of("id", "rt-new-parent", "segments",
                List.of("parents"))).status()).isEqualTo(200);
        ApiClient.Answer a = fx.client.get("/v1/users/rt-new-parent/home", READ);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode forYou = row(a.json(), "for-you");
        assertThat(forYou.path("items").size()).isEqualTo(10);
        forYou.path("items").forEach(i -> assertThat(i.path("reason").asText()).isEqualTo("Popular with parents"));
        long babyOrBooks = 0;
        for (JsonNode i : forYou.path("items")) {
            String c = i.path("category").asText();
            babyOrBooks += c.startsWith("Baby & Kids") || c.startsWith("Books") ? 1 : 0;
        }
        assertThat(babyOrBooks).as("parents' favourite categories in %s", forYou).isGreaterThanOrEqualTo(5);
        assertThat(row(a.json(), "trending").path("title").asText()).isEqualTo("Trending for parents");
        assertThat(row(a.json(), "because-you-viewed").isMissingNode()).isTrue();
    }

    @Test
    void aNewItemHasSimilarItemsAndBoughtTogetherAtOnce() {
        var view = fx.server.catalog().view();
        int cameraIndex = -1;
        for (int i = 0; i < view.size(); i++) {
            if (view.item(i).categoryPath().equals(List.of("Electronics", "Cameras"))) {
                cameraIndex = i;
                break;
            }
        }
        assertThat(cameraIndex).isGreaterThanOrEqualTo(0);
        var camera = view.item(cameraIndex);
        assertThat(fx.client.post("/v1/items", INGEST, Map.of("id", "rt-new-camera", "title",
                "Brand-new mirrorless camera", "category", "Electronics > Cameras", "brand", camera.brand(),
                "price", camera.price().amount())).status()).isEqualTo(200);
        ApiClient.Answer a = fx.client.get("/v1/items/rt-new-camera/similar?k=5", READ);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode items = a.json().path("items");
        assertThat(items.size()).isEqualTo(5);
        items.forEach(i -> {
            assertThat(i.path("category").asText()).isEqualTo("Electronics > Cameras");
            assertThat(i.path("source").asText()).isEqualTo("content");
            assertThat(i.path("reason").asText()).startsWith("Like Brand-new mirrorless camera: same category");
        });
        assertThat(items.get(0).path("brand").asText()).isEqualTo(camera.brand());
        ApiClient.Answer together = fx.client.get("/v1/items/rt-new-camera/bought-together?k=5", READ);
        assertThat(together.status()).as(together.body()).isEqualTo(200);
        assertThat(together.json().path("items").size()).isGreaterThan(0);
        together.json().path("items").forEach(i -> assertThat(i.path("reason").asText()).contains("which is like"));
    }

    @Test
    void viewingANewItemPersonalizesThroughItsContentNeighbours() {
        assertThat(fx.client.post("/v1/customers", INGEST, Map.of("id", "rt-early-adopter")).status())
                .isEqualTo(200);
        assertThat(fx.client.post("/v1/items", INGEST, Map.of("id", "rt-new-tea", "title", "First-flush Longjing",
                "category", "Food & Drink > Tea", "price", 199)).status()).isEqualTo(200);
        assertThat(fx.client.post("/v1/events", INGEST, Map.of("type", "view", "user_id", "rt-early-adopter",
                "item_id", "rt-new-tea")).status()).isEqualTo(200);
        JsonNode home = fx.client.get("/v1/users/rt-early-adopter/home", READ).json();
        JsonNode forYou = row(home, "for-you");
        long tea = 0;
        for (JsonNode i : forYou.path("items")) {
            if (i.path("category").asText().equals("Food & Drink > Tea")) {
                tea++;
                assertThat(i.path("reason").asText()).isEqualTo("Because you viewed First-flush Longjing");
            }
        }
        assertThat(tea).as("%s", forYou).isGreaterThanOrEqualTo(3);
        // Rows never repeat each other: when "For you" took every tea, there is no "because you viewed" row.
        JsonNode because = row(home, "because-you-viewed");
        if (!because.isMissingNode()) {
            assertThat(because.path("anchor").path("id").asText()).isEqualTo("rt-new-tea");
        }
    }
}
