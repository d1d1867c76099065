// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static dev.tailor.cli.EvaluateCommandTest.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tailor tune} on MovieLens 100K with tiny budgets, and its argument errors. */
class TuneCommandTest {
    private static final String HEADER = "id\trung\tfraction\tvalidation NDCG@10\tmillis\tspec";

    @TempDir
    Path tmp;

    @Test
    void randomSearchPrintsAndWritesTheBestConfiguration() throws IOException {
        SharedData.require("ml-100k");
        Path out = tmp.resolve("tune");
        Cli r = Cli.run("tune", "--data", "ml-100k", "--protocol", "recbole", "--model", "item-knn:sim=cosine",
                "--space", "k=10..300:log,shrink=1..100:log", "--budget", "3", "--threads", "2", "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> tsv = Files.readAllLines(out.resolve("trials.tsv"));
        assertThat(tsv.get(0)).isEqualTo(HEADER);
        assertThat(tsv).hasSize(4);
        String[] best = tsv.subList(1, tsv.size()).stream().map(l -> l.split("\t", -1))
                .max(Comparator.comparingDouble(f -> Double.parseDouble(f[3]))).orElseThrow();
        for (String line : tsv.subList(1, tsv.size())) {
            String[] f = line.split("\t", -1);
            assertThat(f[1]).isEqualTo("0");
            assertThat(Double.parseDouble(f[2])).isEqualTo(1.0);
            assertThat(Double.parseDouble(f[3])).isBetween(0.0, 1.0);
            assertThat(f[5]).startsWith("item-knn:sim=cosine,k=");
            int k = Algorithms.parse(f[5]).values().integer("k");
            assertThat(k).isBetween(10, 300);
        }
        assertThat(Files.readString(out.resolve("best.txt")).strip()).isEqualTo(best[5]);
        assertThat(r.out()).contains("validation NDCG@10", "Best: " + best[5],
                "tailor evaluate --data ml-100k --protocol recbole --models '" + best[5] + "'");
    }

    @Test
    void successiveHalvingKeepsTheBestPerRung() throws IOException {
        SharedData.require("ml-100k");
        Path out = tmp.resolve("halving");
        Cli r = Cli.run("tune", "--data", "ml-100k", "--protocol", "recbole", "--model", "user-knn", "--strategy",
                "halving", "--budget", "4", "--eta", "2", "--metric", "hit", "--threads", "2", "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String[]> rows = Files.readAllLines(out.resolve("trials.tsv")).stream().skip(1)
                .map(l -> l.split("\t", -1)).toList();
        // 4 configurations on a quarter of the users, 2 on half, 1 on all.
        assertThat(rows).extracting(f -> f[1]).containsExactly("0", "0", "0", "0", "1", "1", "2");
        assertThat(rows.get(6)[2]).isEqualTo("1.0000");
        assertThat(Files.readString(out.resolve("best.txt")).strip()).isEqualTo(rows.get(6)[5]);
        assertThat(r.out()).contains("validation HR@10", "Best: " + rows.get(6)[5]);
    }

    @Test
    void badArgumentsNameTheParameter() {
        expectError(List.of("--model", "itemknn"), "field 'model'", "unknown model 'itemknn'");
        expectError(List.of("--model", "item-knn", "--space", "kk=1..5"), "space", "field 'kk'",
                "unknown parameter");
        expectError(List.of("--model", "item-knn", "--space", "k=500..5"), "space", "field 'k'", "empty range");
        expectError(List.of("--model", "item-knn", "--space", "k=0..5"), "space", "field 'k'", "must be >= 1");
        expectError(List.of("--model", "item-knn", "--budget", "0"), "field 'budget'", "at least 1");
        expectError(List.of("--model", "item-knn", "--budget", "-3"), "field 'budget'");
        expectError(List.of("--model", "item-knn", "--strategy", "halving", "--budget", "1"), "field 'budget'");
        expectError(List.of("--model", "item-knn", "--strategy", "grid"), "field 'strategy'", "random or halving");
        expectError(List.of("--model", "item-knn", "--metric", "popularity"), "field 'metric'");
        expectError(List.of("--model", "item-knn", "--k", "0"), "field 'k'");
        expectError(List.of("--model", "random"), "field 'space'", "no parameter left to search");
    }

    @Test
    void tuningNeedsAValidationPart() {
        SharedData.require("ml-100k");
        Cli r = Cli.run("tune", "--data", "ml-100k", "--split", "loo", "--model", "pop", "--out", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("field 'split'", "validation part", "loo:valid=true");
        assertNoStackTrace(r);
    }

    private void expectError(List<String> args, String... expected) {
        List<String> all = new ArrayList<>(List.of("tune", "--data", "ml-100k", "--protocol", "recbole",
                "--out", tmp.toString()));
        all.addAll(args);
        Cli r = Cli.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(r.err()).as(String.join(" ", args)).contains(expected).doesNotContain("Loading");
        assertNoStackTrace(r);
    }
}
