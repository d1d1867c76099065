// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static dev.tailor.server.ServerFixture.ADMIN;
import static dev.tailor.server.ServerFixture.INGEST;
import static dev.tailor.server.ServerFixture.READ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.store.Store;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import dev.tailor.server.scene.ServingExtensions;
import dev.tailor.store.jdbc.JdbcStores;
import dev.tailor.store.jdbc.StorePrivacy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Right of access and erasure over real HTTP, on a store that pseudonymizes ids and encrypts personal fields:
 * the customer is served through pseudonyms, exported whole, then erased from every table (scanned through
 * JDBC metadata) and from serving at once, and stays gone after retraining.
 */
class PrivacyEndpointsTest {
    private static final String ERIN = "erin-privacy-1";
    private static final String REGION = "Secret-Town-42";
    private static final String QUERY = "very private query";

    private String name;
    private Store store;
    private TailorServer server;
    private ApiClient client;

    private static byte[] key(int seed) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) seed);
        return k;
    }

    @BeforeEach
    void start() {
        name = "privacy" + UUID.randomUUID().toString().replace("-", "");
        store = JdbcStores.open("h2:mem:" + name, StorePrivacy.of(List.of(key(3)), false, List.of(key(4))));
        store.write(w -> new SampleShopGenerator(ServerFixture.smallShop()).writeTo(w));
        server = TailorServer.create(ServerFixture.config(), store, ServingExtensions.NONE, Algorithms.standard())
                .start();
        client = new ApiClient(server.baseUri());
    }

    @AfterEach
    void stop() {
        try {
            server.stop();
        } finally {
            store.close();
        }
    }

    private List<String> items() {
        List<String> ids = new ArrayList<>();
        store.forEachItem(i -> {
            if (ids.size() < 2) {
                ids.add(i.id());
            }
        });
        return ids;
    }

    /** Values in any column of any table of the store that contain one of the needles. */
    private List<String> find(String... needles) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:tailor-" + name)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).hasSizeGreaterThanOrEqualTo(6);
            for (String t : tables) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            String v = rs.getString(i);
                            for (String needle : needles) {
                                if (v != null && v.contains(needle)) {
                                    hits.add(t + "." + rs.getMetaData().getColumnName(i));
                                }
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    private void createErin() {
        List<String> items = items();
        assertThat(client.post("/v1/customers", INGEST, Map.of("id", ERIN, "age", 41, "region", REGION,
                "segments", List.of("parents"))).status()).isEqualTo(200);
        for (Map<String, Object> e : List.of(
                Map.<String, Object>of("type", "view", "user_id", ERIN, "item_id", items.get(0)),
                Map.<String, Object>of("type", "purchase", "user_id", ERIN, "item_id", items.get(1)),
                Map.<String, Object>of("type", "search", "user_id", ERIN, "query", QUERY))) {
            ApiClient.Answer a = client.post("/v1/events", INGEST, e);
            assertThat(a.status()).as(a.body()).isEqualTo(200);
        }
    }

    @Test
    void exportThenEraseRemovesTheCustomerFromStoreAndServing() throws SQLException {
        createErin();
        assertThat(client.post("/v1/admin/train?wait=true", ADMIN, "{}").status()).isEqualTo(200);
        String pseudonym = store.pseudonymizer().pseudonym(ERIN);
        assertThat(server.models().get().histories().user(pseudonym)).as("models know the pseudonym").isNotNegative();
        assertThat(client.get("/v1/users/" + ERIN + "/home", READ).status()).isEqualTo(200);
        assertThat(find(ERIN, REGION, QUERY)).as("nothing stored in the clear").isEmpty();
        assertThat(find(pseudonym)).isNotEmpty();

        assertThat(client.get("/v1/admin/customers/" + ERIN + "/export", READ).status()).isEqualTo(403);
        ApiClient.Answer export = client.get("/v1/admin/customers/" + ERIN + "/export", ADMIN);
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        JsonNode x = export.json();
        assertThat(x.path("stored_as").asText()).isEqualTo(pseudonym);
        assertThat(x.path("profile").path("region").asText()).isEqualTo(REGION);
        assertThat(x.path("profile").path("age").asInt()).isEqualTo(41);
        assertThat(x.path("events")).hasSize(3);
        assertThat(x.path("events").get(2).path("query").asText()).isEqualTo(QUERY);
        assertThat(x.path("derived").path("in_model_set").asBoolean()).isTrue();

        ApiClient.Answer erased = client.raw("DELETE", "/v1/admin/customers/" + ERIN, ADMIN, null, null);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().path("store").path("events").asLong()).isEqualTo(3);
        assertThat(erased.json().path("store").path("profile").asBoolean()).isTrue();

        assertThat(find(ERIN, pseudonym, REGION, QUERY)).isEmpty();
        assertThat(client.get("/v1/users/" + ERIN + "/home", READ).status()).isEqualTo(404);
        assertThat(client.get("/v1/users/" + ERIN + "/search?q=tea", READ).status()).isEqualTo(404);
        assertThat(client.get("/v1/admin/customers/" + ERIN + "/export", ADMIN).status()).isEqualTo(404);
        assertThat(client.raw("DELETE", "/v1/admin/customers/" + ERIN, ADMIN, null, null).status()).isEqualTo(404);
        ApiClient.Answer event = client.post("/v1/events", INGEST, Map.of("type", "view", "user_id", ERIN,
                "item_id", items().get(0)));
        assertThat(event.status()).as("events for an erased customer are refused").isEqualTo(400);

        assertThat(client.post("/v1/admin/train?wait=true", ADMIN, "{}").status()).isEqualTo(200);
        assertThat(server.models().get().histories().user(pseudonym)).as("the next training drops them").isNegative();
        assertThat(client.get("/v1/users/" + ERIN + "/home", READ).status()).isEqualTo(404);
    }

    @Test
    void aLiveOnlyCustomerIsErasedAtOnce() {
        createErin();
        assertThat(client.get("/v1/users/" + ERIN + "/home", READ).status()).isEqualTo(200);
        assertThat(client.raw("DELETE", "/v1/admin/customers/" + ERIN, ADMIN, null, null).status()).isEqualTo(200);
        assertThat(client.get("/v1/users/" + ERIN + "/home", READ).status()).isEqualTo(404);
    }

    @Test
    void unknownCustomersAndBadIdsGetClearErrors() {
        ApiClient.Answer del = client.raw("DELETE", "/v1/admin/customers/nobody-here", ADMIN, null, null);
        assertThat(del.status()).isEqualTo(404);
        assertThat(del.json().path("detail").asText()).contains("nobody-here");
        assertThat(client.get("/v1/admin/customers/nobody-here/export", ADMIN).status()).isEqualTo(404);
        assertThat(client.raw("DELETE", "/v1/admin/customers/x", null, null, null).status()).isEqualTo(401);
        assertThat(client.get("/v1/admin/customers/" + "y".repeat(200) + "/export", ADMIN).status()).isEqualTo(400);
        assertThat(client.get("/v1/admin/customers/nobody-here/export?full=1", ADMIN).status()).isEqualTo(400);
    }
}
