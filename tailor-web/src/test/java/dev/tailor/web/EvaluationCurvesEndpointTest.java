// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.store.Store;
import dev.tailor.eval.curves.Curve;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import dev.tailor.server.ServerConfig;
import dev.tailor.server.TailorServer;
import dev.tailor.server.http.ApiKey;
import dev.tailor.server.http.Role;
import dev.tailor.server.scene.ServingExtensions;
import dev.tailor.store.jdbc.JdbcStores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /v1/admin/evaluation/curves} over HTTP against a real report: the sample shop evaluated with an
 * iterative model (its {@code curves.csv}), and the same report without that file.
 */
class EvaluationCurvesEndpointTest {
    private static final String READ = "read-key-0123456789abc";
    private static final String ADMIN = "admin-key-0123456789ab";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static Store store;
    static List<Curve> curves;
    static TailorServer withCurves;
    static TailorServer withoutCurves;

    @BeforeAll
    static void start() throws IOException {
        store = JdbcStores.open("h2:mem:" + UUID.randomUUID().toString().replace("-", ""));
        store.write(w -> new SampleShopGenerator(WebFixture.shop()).writeTo(w));
        Path report = dir.resolve("evaluation");
        curves = WebFixture.evaluate(store, report);
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.copy(report.resolve("metrics.json"), plain.resolve("metrics.json"));
        withCurves = server(report);
        // Configured by file rather than folder: the curves are looked for next to it all the same.
        withoutCurves = server(plain.resolve("metrics.json"));
    }

    private static TailorServer server(Path report) {
        ServerConfig d = ServerConfig.defaults();
        return TailorServer.create(d.withHost("127.0.0.1").withPort(0).withAccessLog(false)
                .withApiKeys(List.of(new ApiKey("storefront", READ, Set.of(Role.READ)),
                        new ApiKey("ops", ADMIN, Set.of(Role.ADMIN)))),
                store, ServingExtensions.NONE, Algorithms.standard(),
                List.of(new WebUi(store, WebConfig.defaults().withEvaluationReport(report)))).start();
    }

    @AfterAll
    static void stop() {
        try {
            if (withCurves != null) {
                withCurves.stop();
            }
            if (withoutCurves != null) {
                withoutCurves.stop();
            }
        } finally {
            store.close();
        }
    }

    @Test
    void everyEpochTheTrainerReportedIsAPointOfItsSeries() throws Exception {
        assertThat(curves).as("the fixture evaluates one iterative model").hasSize(1);
        Curve als = curves.get(0);
        HttpResponse<String> r = get(withCurves, ADMIN);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = WebJson.MAPPER.readTree(r.body());
        assertThat(body.get("path").asText()).endsWith("curves.csv");
        JsonNode series = body.get("series");
        assertThat(series).hasSize(1);
        JsonNode s = series.get(0);
        assertThat(s.get("model").asText()).isEqualTo(als.model());
        assertThat(s.get("component").asText()).isEqualTo(als.component());
        assertThat(s.get("metric").asText()).isEqualTo(als.metric());
        assertThat(s.get("epochs").asInt()).isEqualTo(3);
        JsonNode points = s.get("points");
        assertThat(points).hasSize(als.epochs().size()).hasSize(3);
        for (int i = 0; i < points.size(); i++) {
            Epoch e = als.epochs().get(i);
            assertThat(points.get(i).get(0).asInt()).isEqualTo(e.epoch()).isEqualTo(i + 1);
            assertThat(points.get(i).get(1).asDouble()).isEqualTo(e.value());
        }
    }

    @Test
    void aReportWithoutIterativeModelsIsANotFoundThatSaysWhy() throws Exception {
        HttpResponse<String> r = get(withoutCurves, ADMIN);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(WebJson.MAPPER.readTree(r.body()).get("detail").asText())
                .contains("no curves.csv").contains("iterative");
    }

    @Test
    void curvesNeedTheAdminRole() throws Exception {
        assertThat(get(withCurves, READ).statusCode()).isEqualTo(403);
        assertThat(get(withCurves, null).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> get(TailorServer server, String key) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + "/v1/admin/evaluation/curves"));
        if (key != null) {
            b.header("X-Api-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
