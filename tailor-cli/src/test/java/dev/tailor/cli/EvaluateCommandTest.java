// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailor.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tailor evaluate} end to end on MovieLens 100K with the RecBole preset (a few seconds), checking the
 * report folder against its documented format, and the mistakes a user makes on the command line.
 */
class EvaluateCommandTest {
    private static final String TSV_EVENTS = "user_id\titem_id\ttimestamp";
    private static final String TSV_RECS = "user_id\trank\titem_id\tscore";

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static Cli run;

    /** One real run shared by the tests that inspect it; only started by a test that has the data. */
    private static synchronized Cli movieLensRun() {
        if (run == null) {
            run = Cli.run("evaluate", "--data", "ml-100k", "--protocol", "recbole", "--models", "pop,item-knn",
                    "--threads", "2", "--out", shared.resolve("ml").toString());
        }
        return run;
    }

    @Test
    void writesTheDocumentedReportFolder() throws IOException {
        SharedData.require("ml-100k");
        Cli r = movieLensRun();
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path out = shared.resolve("ml");
        for (String part : List.of("train.tsv", "valid.tsv", "test.tsv")) {
            List<String> lines = Files.readAllLines(out.resolve(part));
            assertThat(lines.get(0)).as(part).isEqualTo(TSV_EVENTS);
            assertThat(lines.size()).as(part).isGreaterThan(1000);
            assertThat(lines.get(1).split("\t", -1)).as(part).hasSize(3);
        }
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        JsonNode runInfo = metrics.get("run");
        assertThat(runInfo.get("dataset").asText()).isEqualTo("ml-100k");
        assertThat(runInfo.get("seed").asLong()).isEqualTo(42);
        assertThat(runInfo.get("datasetFingerprint").asText()).matches("[0-9a-f]+/[0-9a-f]+");
        assertThat(runInfo.get("software").asText()).startsWith("tailor 0.");
        assertThat(runInfo.get("split").asText()).startsWith("recbole (holdout:ratio=0.8/0.1/0.1");
        assertThat(metrics.get("config").get("k").get(0).asInt()).isEqualTo(10);
        assertThat(metrics.get("config").get("ranking").asText()).isEqualTo("full");
        int testUsers = metrics.get("data").get("testUsers").asInt();
        assertThat(testUsers).isGreaterThan(900);

        Map<String, Set<String>> relevant = byUser(Files.readAllLines(out.resolve("test.tsv")));
        assertThat(relevant).hasSize(testUsers);
        for (JsonNode model : metrics.get("models")) {
            String label = model.get("label").asText();
            List<String> recs = Files.readAllLines(out.resolve(label).resolve("recommendations.tsv"));
            assertThat(recs.get(0)).isEqualTo(TSV_RECS);
            // Every test user, max(K) = 10 rows each, ranks 1..10 in order, scores not increasing.
            assertThat(recs).hasSize(1 + 10 * testUsers);
            Map<String, Integer> hits = new HashMap<>();
            Set<String> users = new HashSet<>();
            for (int i = 1; i < recs.size(); i++) {
                String[] f = recs.get(i).split("\t", -1);
                assertThat(f).hasSize(4);
                assertThat(Integer.parseInt(f[1])).isEqualTo((i - 1) % 10 + 1);
                if (f[1].equals("1")) {
                    assertThat(users.add(f[0])).as("user %s listed once", f[0]).isTrue();
                } else {
                    String[] previous = recs.get(i - 1).split("\t", -1);
                    assertThat(previous[0]).isEqualTo(f[0]);
                    assertThat(Float.parseFloat(f[3])).isLessThanOrEqualTo(Float.parseFloat(previous[3]));
                }
                if (relevant.getOrDefault(f[0], Set.of()).contains(f[2])) {
                    hits.merge(f[0], 1, Integer::sum);
                }
            }
            assertThat(users).isEqualTo(relevant.keySet());
            // HR@10 recomputed from the two files agrees with metrics.json: the files mean what they say.
            JsonNode hr = model.get("metrics").get("HR@10");
            assertThat(hr.get("n").asInt()).isEqualTo(testUsers);
            assertThat((double) hits.size() / testUsers).isCloseTo(hr.get("mean").asDouble(),
                    offset(1e-12));
            assertThat(hr.get("ci95Low").asDouble()).isLessThan(hr.get("mean").asDouble());
        }

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<img").contains("src=\"data:image/png;base64,iVBOR");
    }

    @Test
    void printsMeanAndConfidenceIntervalPerModel() throws IOException {
        SharedData.require("ml-100k");
        Cli r = movieLensRun();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("NDCG@10", "HR@10", "significant");
        JsonNode metrics = new ObjectMapper().readTree(shared.resolve("ml").resolve("metrics.json").toFile());
        for (JsonNode model : metrics.get("models")) {
            JsonNode ndcg = model.get("metrics").get("NDCG@10");
            double half = (ndcg.get("ci95High").asDouble() - ndcg.get("ci95Low").asDouble()) / 2;
            String cell = String.format(Locale.ROOT, "%.4f ± %.4f", ndcg.get("mean").asDouble(), half);
            assertThat(r.out()).as("row of %s", model.get("label").asText())
                    .containsPattern("(?m)^" + model.get("label").asText() + " .*" + Pattern.quote(cell));
        }
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void sequentialModelsAreEvaluatedBySpec() throws IOException {
        SharedData.require("ml-100k");
        String spec = "sasrec:dim=16,blocks=1,maxlen=20,epochs=1,negatives=256,threads=2";
        Cli r = Cli.run("evaluate", "--data", "ml-100k", "--protocol", "loo", "--models", spec, "--threads", "2",
                "--out", tmp.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(tmp.resolve("metrics.json").toFile());
        assertThat(metrics.path("models").findValuesAsText("label"))
                .contains(CliAlgorithms.all().trainer(spec).label());
    }

    @Test
    void unknownModelIsRejectedBeforeLoading() {
        Cli r = Cli.run("evaluate", "--data", "ml-100k", "--protocol", "recbole", "--models", "pop,itemknn",
                "--out", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("field 'model'", "unknown model 'itemknn'", "did you mean item-knn?");
        assertNoStackTrace(r);
    }

    @Test
    void malformedSplitSpecNamesThePart() {
        Cli r = Cli.run("evaluate", "--data", "ml-100k", "--split", "holdout:ratio=0.8", "--out", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("split", "field 'ratio'", "0.8/0.1/0.1");
        assertNoStackTrace(r);

        Cli unknownKind = Cli.run("evaluate", "--data", "ml-100k", "--split", "random:p=1", "--out", tmp.toString());
        assertThat(unknownKind.exitCode()).isEqualTo(2);
        assertThat(unknownKind.err()).contains("split", "loo, temporal, holdout, kfold");
        assertNoStackTrace(unknownKind);

        Cli both = Cli.run("evaluate", "--data", "ml-100k", "--split", "loo", "--protocol", "loo", "--out",
                tmp.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("field 'split'", "exactly one of --split SPEC or --protocol");
    }

    @Test
    void cutoffsMustBePositive() {
        for (String k : List.of("0", "10,-5", "ten")) {
            Cli r = Cli.run("evaluate", "--data", "ml-100k", "--protocol", "loo", "--k", k, "--out", tmp.toString());
            assertThat(r.exitCode()).as(k).isEqualTo(2);
            assertThat(r.err()).as(k).contains("field 'k'");
            assertNoStackTrace(r);
        }
    }

    @Test
    void noTestUsersAfterFilteringSaysWhichFiltersToLoosen() {
        SharedData.require("ml-100k");
        Cli r = Cli.run("evaluate", "--data", "ml-100k", "--protocol", "recbole", "--min-user", "5000", "--models",
                "pop", "--out", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no test users", "--min-user");
        assertNoStackTrace(r);
    }

    private static Map<String, Set<String>> byUser(List<String> tsv) {
        Map<String, Set<String>> m = new HashMap<>();
        for (String line : tsv.subList(1, tsv.size())) {
            String[] f = line.split("\t", -1);
            m.computeIfAbsent(f[0], u -> new HashSet<>()).add(f[1]);
        }
        return m;
    }

    static void assertNoStackTrace(Cli r) {
        assertThat(r.err()).contains("error: ").doesNotContain("\tat ", "Exception");
    }
}
