// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tailor serve} run through the real command line on an ephemeral port over an embedded store holding
 * the sample shop, called over real HTTP, and stopped the way a user stops it.
 */
class ServeCommandTest {
    private static final String READ = "read-key-0123456789abcdef";
    private static final String BACKEND = "backend-key-0123456789abc";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path tmp;
    private static String store;
    /** A generous time budget per request: the shared build machine can stall a cold request for seconds. */
    private static Path patient;

    @BeforeAll
    static void shop() throws IOException {
        patient = Files.writeString(tmp.resolve("patient.json"),
                "{\"limits\": {\"request_timeout_millis\": 30000}}");
        store = "h2:" + tmp.resolve("shop");
        Cli shop = Cli.run("sample-shop", "--items", "300", "--customers", "300", "--seed", "5", "--store", store);
        assertThat(shop.exitCode()).as(shop.err()).isZero();
    }

    /** A server started by the command on a background thread, as a user would start it in a terminal. */
    private record Running(Thread thread, AtomicReference<Cli> result, URI base) {
        static Running start(Path portFile, String... options) throws Exception {
            return startOn(store, portFile, options);
        }

        static Running startOn(String storeSpec, Path portFile, String... options) throws Exception {
            List<String> args = new ArrayList<>(List.of("serve", "--store", storeSpec, "--port", "0", "--port-file",
                    portFile.toString(), "--no-access-log"));
            args.addAll(List.of(options));
            AtomicReference<Cli> result = new AtomicReference<>();
            Thread t = new Thread(() -> result.set(Cli.run(args.toArray(String[]::new))), "tailor-serve-test");
            t.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!Files.exists(portFile)) {
                assertThat(t.isAlive()).as("serve ended before listening: %s", result.get()).isTrue();
                assertThat(System.nanoTime()).as("serve listening within 2 minutes").isLessThan(deadline);
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readString(portFile).strip());
            return new Running(t, result, URI.create("http://127.0.0.1:" + port));
        }

        /** Interrupting the command's thread is how in-process callers ask for the same stop as Ctrl-C. */
        Cli stop() throws InterruptedException {
            thread.interrupt();
            thread.join(60_000);
            assertThat(thread.isAlive()).as("serve stopped").isFalse();
            return result.get();
        }
    }

    private record Answer(int status, JsonNode json) {
    }

    private static Answer call(URI base, String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }

    @Test
    void servesTheStoreWithKeysAndRolesThenStopsGracefully() throws Exception {
        Path portFile = tmp.resolve("port-1");
        Running s = Running.start(portFile, "--config", patient.toString(), "--api-key", "storefront:read:" + READ,
                "--api-key", "backend:ingest,admin:" + BACKEND);
        URI base = s.base();

        Answer health = call(base, "GET", "/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("catalog_items").asInt()).isEqualTo(300);

        String customer = "u0000003";
        Answer home = call(base, "GET", "/v1/users/" + customer + "/home", READ, null);
        assertThat(home.status()).as("%s", home.json()).isEqualTo(200);
        assertThat(home.json().path("rows").size()).isGreaterThan(0);
        assertThat(home.json().path("request_id").asText()).isNotBlank();
        // Keys and roles are enforced: none is 401, a read key cannot write.
        assertThat(call(base, "GET", "/v1/users/" + customer + "/home", null, null).status()).isEqualTo(401);
        String view = "{\"type\":\"view\",\"user_id\":\"" + customer + "\",\"item_id\":\"i000007\"}";
        assertThat(call(base, "POST", "/v1/events", READ, view).status()).isEqualTo(403);
        assertThat(call(base, "POST", "/v1/events", BACKEND, view).status()).isEqualTo(200);
        JsonNode after = call(base, "GET", "/v1/users/" + customer + "/home", READ, null).json();
        assertThat(after.path("rows").findValues("anchor")).anySatisfy(a ->
                assertThat(a.path("id").asText()).isEqualTo("i000007"));

        // A Chinese product word finds items with it in their Chinese title.
        Answer search = call(base, "GET", "/v1/users/" + customer + "/search?lang=zh&q="
                + URLEncoder.encode("手机壳", StandardCharsets.UTF_8), READ, null);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().path("items").size()).isGreaterThan(0);
        search.json().path("items").forEach(i -> assertThat(i.path("title").asText()).contains("手机壳"));

        // Retraining through the admin endpoint swaps in a new model set.
        Answer trained = call(base, "POST", "/v1/admin/train?wait=true", BACKEND, "{}");
        assertThat(trained.status()).as("%s", trained.json()).isEqualTo(200);
        assertThat(call(base, "GET", "/health", null, null).json().path("model_set").asText()).startsWith("v2");

        Cli done = s.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.out()).contains("Tailor is serving " + base, base + "/docs", "300 catalog items",
                "storefront [read] read… (25 characters)", "backend [admin,ingest] back… (25 characters)",
                "Press Ctrl-C to stop", "Stopped.",
                "search      lexical (BM25 only): no item vectors for multilingual[");
        // Keys are never printed in full.
        assertThat(done.out() + done.err()).doesNotContain(READ).doesNotContain(BACKEND);
        // The listener is closed.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> call(base, "GET", "/health", null, null))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aSequentialModelIsSavedLoadedAndServedAsAForYouSourceAfterViews() throws Exception {
        String spec = "sasrec:dim=16,blocks=1,maxlen=10,epochs=2,negatives=0,threads=1";
        // A store of its own: serving saves model sets to the store, which would shift the other tests' versions.
        String own = "h2:" + tmp.resolve("seq-shop");
        Cli shop = Cli.run("sample-shop", "--items", "300", "--customers", "300", "--seed", "5", "--store", own);
        assertThat(shop.exitCode()).as(shop.err()).isZero();
        // Trained and saved by `tailor train`, then read back from the store's archive by `serve`.
        Cli train = Cli.run("train", "--store", own, "--extra-model", spec);
        assertThat(train.exitCode()).as(train.err()).isZero();
        String version = train.out().substring("Trained model set ".length()).split(" ")[0];
        Running s = Running.startOn(own, tmp.resolve("port-seq"), "--config", patient.toString(), "--no-auth",
                "--extra-model", spec);
        assertThat(call(s.base(), "GET", "/health", null, null).json().path("model_set").asText())
                .as("the saved set is served, not a new one").isEqualTo(version);
        List<String> sources = new ArrayList<>();
        for (int c = 10; c < 30; c++) {
            String customer = String.format(java.util.Locale.ROOT, "u%07d", c);
            for (int item = 0; item < 3; item++) {
                String view = String.format(java.util.Locale.ROOT,
                        "{\"type\":\"view\",\"user_id\":\"%s\",\"item_id\":\"i%06d\"}", customer, c * 7 + item);
                assertThat(call(s.base(), "POST", "/v1/events", null, view).status()).isEqualTo(200);
            }
            Answer home = call(s.base(), "GET", "/v1/users/" + customer + "/home", null, null);
            assertThat(home.status()).as("%s", home.json()).isEqualTo(200);
            home.json().path("rows").get(0).path("items").forEach(i -> sources.add(i.path("source").asText()));
        }
        Cli done = s.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
        // The source is the spec's short label, as the server's candidate source names it.
        assertThat(sources).as("sources of the For you rows").contains(CliAlgorithms.all().trainer(spec).label());
    }

    @Test
    void aConfigFileRulesAndKeysFromItWithOptionsOverridingIt() throws Exception {
        Path rules = tmp.resolve("rules.json");
        Files.writeString(rules, "{\"rules\": [{\"type\": \"exclude-unavailable\"}]}");
        Path config = tmp.resolve("server.json");
        Files.writeString(config, "{\"port\": 1, \"api_keys\": [{\"name\": \"ops\", \"key\": \"" + BACKEND
                + "\", \"roles\": [\"admin\"]}], \"scenes\": {\"default_k\": 3},"
                + " \"limits\": {\"request_timeout_millis\": 30000}}");
        Running s = Running.start(tmp.resolve("port-2"), "--config", config.toString(), "--rules",
                rules.toString(), "--retrain-every", "6h");
        Answer similar = call(s.base(), "GET", "/v1/items/i000001/similar", BACKEND, null);
        assertThat(similar.status()).isEqualTo(200);
        assertThat(similar.json().path("items").size()).isEqualTo(3);
        Answer inForce = call(s.base(), "GET", "/v1/admin/rules", BACKEND, null);
        assertThat(inForce.json().path("described").size()).isEqualTo(1);
        Cli done = s.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.out()).contains("rules       " + rules, "every 6h", "ops [admin] back…");
    }

    @Test
    void anEmptyStoreIsServedAndTheBannerSaysHowToFillIt() throws Exception {
        Running s = Running.startOn("h2:mem:serve-empty", tmp.resolve("port-3"), "--no-auth");
        assertThat(call(s.base(), "GET", "/health", null, null).json().path("catalog_items").asInt()).isZero();
        Answer posted = call(s.base(), "POST", "/v1/items", null, "{\"id\": \"first\", \"title\": \"First item\"}");
        assertThat(posted.status()).as("%s", posted.json()).isEqualTo(200);
        assertThat(call(s.base(), "GET", "/health", null, null).json().path("catalog_items").asInt()).isEqualTo(1);
        Cli done = s.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.out()).contains("0 catalog items", "(empty: post items", "authentication is off");
    }

    @Test
    void refusesToStartWithoutKeysOrWithBadOnesAndSaysHowToFixIt() {
        Cli none = Cli.run("serve", "--store", store);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no API keys", "--api-key", "TAILOR_API_KEYS", "--no-auth")
                .doesNotContain("at dev.tailor");

        Cli bad = Cli.run("serve", "--store", store, "--api-key", "storefront:reader:" + READ,
                "--api-key", "short:read:abc", "--api-key", "justASecretPastedAlone-123456");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("entry 1 ('storefront')", "unknown role 'reader'", "entry 2 ('short')",
                "at least 16 characters", "entry 3", "NAME:ROLES:KEY")
                .doesNotContain(READ).doesNotContain("justASecretPastedAlone");

        Cli open = Cli.run("serve", "--store", store, "--no-auth", "--host", "0.0.0.0");
        assertThat(open.exitCode()).isEqualTo(2);
        assertThat(open.err()).contains("loopback");

        Cli duration = Cli.run("serve", "--store", store, "--no-auth", "--retrain-every", "often");
        assertThat(duration.exitCode()).isEqualTo(2);
        assertThat(duration.err()).contains("--retrain-every", "6h");

        Cli noConfig = Cli.run("serve", "--store", store, "--config", tmp.resolve("nope.json").toString());
        assertThat(noConfig.exitCode()).isEqualTo(2);
        assertThat(noConfig.err()).contains("--config", "no such file");

        Cli model = Cli.run("serve", "--store", store, "--no-auth", "--text-model", "bert-base");
        assertThat(model.exitCode()).isEqualTo(2);
        assertThat(model.err()).contains("--text-model", "'bert-base'", "none", "multilingual", "bge-small-zh-v1.5-q")
                .doesNotContain("at dev.tailor");
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Cli r = Cli.run("serve", "--store", store, "--no-auth", "--no-access-log", "--port",
                    String.valueOf(taken.getLocalPort()));
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("cannot start the HTTP server on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("at dev.tailor");
        }
    }

    @Test
    void helpExplainsStartKeysRolesConfigAndStopping() {
        Cli help = Cli.run("serve", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--store", "--host", "--port", "8080", "--api-key", "NAME:ROLES:KEY",
                "TAILOR_API_KEYS", "ingest", "read", "admin", "--config", "--rules", "--extra-model",
                "--retrain-every", "--no-auth", "trains a model set", "Ctrl-C", "docs/api.md", "Examples:",
                "--text-model", "tailor embed");
    }

    @Test
    void keysFromTheEnvironmentAreSplitOnSpacesAndSemicolons() {
        assertThat(dev.tailor.cli.serve.ApiKeySpecs.splitEnv(" a:read:" + READ + ";b:admin:" + BACKEND + "\n"))
                .containsExactly("a:read:" + READ, "b:admin:" + BACKEND);
        assertThat(dev.tailor.cli.serve.ApiKeySpecs.parse(dev.tailor.cli.serve.ApiKeySpecs.splitEnv(
                "a:read:" + READ + " b:admin,ingest:" + BACKEND), "TAILOR_API_KEYS"))
                .extracting(k -> k.name() + " " + k.roles().size()).containsExactly("a 1", "b 2");
    }
}
