// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tailor evaluate --fairness --attack --noise} on MovieLens 100K, and its bad input. */
class EvaluateFairnessTest {
    @TempDir
    Path tmp;

    @Test
    void writesFairnessAndRobustnessReports() throws IOException {
        SharedData.require("ml-100k");
        Path out = tmp.resolve("ml");
        Cli r = Cli.run("evaluate", "--data", "ml-100k", "--protocol", "recbole", "--models", "pop",
                "--threads", "2", "--fairness", "--rerank-lambdas", "0,0.5", "--attack",
                "random:profiles=0.01,filler=0.02,targets=1", "--noise", "0.1", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String fairness = Files.readString(out.resolve("fairness/fairness.md"));
        assertThat(fairness).contains("| pop | gender | F | 271 |").contains("| pop | age | 45+ |")
                .contains("exposure by popularity decile").contains("Popularity-aware re-ranking: pop");
        assertThat(Files.readAllLines(out.resolve("fairness/rerank.tsv"))).hasSize(3);
        String robustness = Files.readString(out.resolve("robustness/robustness.md"));
        assertThat(robustness).contains("random:profiles=0.01,filler=0.02,targets=1").contains("| pop |")
                .contains("Random-click noise");
    }

    @Test
    void badOptionsExitTwoNamingTheParameter() {
        String[] base = {"evaluate", "--data", "ml-100k", "--protocol", "recbole", "--models", "pop", "--out",
            tmp.resolve("x").toString()};
        for (String[] bad : new String[][] {{"--attack", "sybil"}, {"--attack", "random:profiles=0"},
            {"--rerank-lambdas", "0,2"}, {"--noise", "-1"}, {"--detector-threshold", "0"}}) {
            String[] args = new String[base.length + 2];
            System.arraycopy(base, 0, args, 0, base.length);
            args[base.length] = bad[0];
            args[base.length + 1] = bad[1];
            Cli r = Cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", bad)).containsIgnoringCase(bad[0].substring(2).split("-")[0]);
            assertThat(r.err()).doesNotContain("Exception");
        }
    }
}
