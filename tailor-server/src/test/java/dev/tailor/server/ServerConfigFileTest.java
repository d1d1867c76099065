// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import dev.tailor.server.http.Role;
import dev.tailor.store.jdbc.JdbcStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> problems(String json) {
        try {
            ServerConfigFile.parse(JSON.readTree(json), Path.of("."), k -> null);
        } catch (ValidationException e) {
            return e.problems().stream().collect(Collectors.toMap(Problem::field, Problem::reason, (a, b) -> a));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void readsEverySectionWithKeysFromTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tailor.json");
        Files.writeString(file, """
                {"host": "0.0.0.0", "port": 9090,
                 "api_keys": [{"name": "front", "key_env": "FRONT_KEY", "roles": ["read"]},
                              {"name": "ops", "key": "ops-0123456789abcdef", "roles": ["admin", "ingest"]}],
                 "rules_file": "rules.json",
                 "models": {"similar": "item-knn:k=20", "trending_window": "7d", "extra_models": ["pop"]},
                 "scenes": {"default_k": 12, "max_k": 50, "diversity": {"home": 0.5}},
                 "retrain_every": "6h",
                 "limits": {"max_batch": 500, "max_in_flight": 4, "max_queued": 10, "request_timeout_millis": 250},
                 "live": {"events_per_customer": 16},
                 "access_log": false, "metrics_public": true, "deal_tag": "sale"}""");
        ServerConfig c = ServerConfigFile.load(file, k -> k.equals("FRONT_KEY") ? "front-0123456789abcdef" : null);
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.apiKeys()).hasSize(2);
        assertThat(c.apiKeys().get(0).key()).isEqualTo("front-0123456789abcdef");
        assertThat(c.apiKeys().get(1).roles()).isEqualTo(Set.of(Role.ADMIN, Role.INGEST));
        assertThat(c.rulesFile()).contains(dir.resolve("rules.json"));
        assertThat(c.models().similar()).isEqualTo("item-knn:k=20");
        assertThat(c.models().trendingWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(c.models().extraModels()).containsExactly("pop");
        assertThat(c.scenes().defaultK()).isEqualTo(12);
        assertThat(c.scenes().diversity("home")).isEqualTo(0.5f);
        assertThat(c.scenes().diversity("similar")).isEqualTo(0.1f);
        assertThat(c.retrainEvery()).contains(Duration.ofHours(6));
        assertThat(c.limits().maxInFlight()).isEqualTo(4);
        assertThat(c.limits().threads()).isEqualTo(4 + 10 + 16);
        assertThat(c.limits().requestTimeoutMillis()).isEqualTo(250);
        assertThat(c.live().eventsPerCustomer()).isEqualTo(16);
        assertThat(c.accessLog()).isFalse();
        assertThat(c.metricsPublic()).isTrue();
        assertThat(c.dealTag()).isEqualTo("sale");
    }

    @Test
    void reportsEveryProblemWithItsPath() {
        Map<String, String> p = problems("""
                {"port": "http", "colour": 1,
                 "api_keys": [{"name": "a", "key": "k", "roles": ["read"]}, {"name": "b", "key_env": "NOPE",
                   "roles": ["read"]}, {"name": "c", "key": "c-0123456789abcdef", "roles": ["god"]},
                   {"name": "d", "roles": ["read"]}],
                 "models": {"trending_window": "soon", "color": 1},
                 "retrain_every": "often"}""");
        assertThat(p.get("port")).contains("whole number");
        assertThat(p.get("colour")).contains("unknown field");
        assertThat(p.get("api_keys[0].key")).contains("at least 16");
        assertThat(p.get("api_keys[1].key_env")).contains("NOPE is not set");
        assertThat(p.get("api_keys[2].roles[0]")).contains("unknown role 'god'");
        assertThat(p.get("api_keys[3]")).contains("exactly one of");
        assertThat(p.get("models.trending_window")).contains("14d");
        assertThat(p.get("models.color")).contains("unknown field");
        assertThat(p.get("retrain_every")).contains("duration");
    }

    @Test
    void invalidValuesInSectionsAreRangeChecked() {
        assertThat(problems("{\"limits\": {\"max_in_flight\": 0}}")).containsKey("limits.max_in_flight");
        assertThat(problems("{\"scenes\": {\"default_k\": 500, \"diversity\": {\"checkout\": 0.2}}}"))
                .containsKeys("scenes.default_k", "scenes.diversity.checkout");
        assertThat(problems("{\"retrain_every\": \"5s\"}").get("retrain_every")).contains("at least 10 seconds");
        assertThat(problems("{\"live\": {\"ledger\": 0}}")).containsKey("live.ledger");
    }

    @Test
    void aServerRefusesToStartWithoutKeysUnlessAuthIsDisabledOnPurpose() {
        try (Store store = JdbcStores.open("h2:mem:nokeys")) {
            assertThatThrownBy(() -> TailorServer.create(ServerConfig.defaults(), store))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("api_keys")
                    .hasMessageContaining("disable authentication");
            assertThat(TailorServer.create(ServerConfig.defaults().withAuthDisabled(true).withPort(0), store))
                    .isNotNull();
            assertThatThrownBy(() -> ServerConfig.defaults().withPort(70_000)).hasMessageContaining("port");
        }
    }

    @Test
    void malformedFilesAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"port\": 80,,}");
        assertThatThrownBy(() -> ServerConfigFile.load(f)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> ServerConfigFile.load(dir.resolve("none.json"))).hasMessageContaining("cannot read");
        assertThat(ServerConfigFile.load(write(dir, "{}")).port()).isEqualTo(8080);
        assertThat(List.of(ServerConfigFile.load(write(dir, "{\"auth_disabled\": true}")).authDisabled()))
                .containsExactly(true);
    }

    private static Path write(Path dir, String json) throws Exception {
        Path f = Files.createTempFile(dir, "c", ".json");
        Files.writeString(f, json);
        return f;
    }
}
