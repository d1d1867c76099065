// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees for help and for mistakes: explanations, clear errors, exit codes, no stack traces. */
class CommandLineTest {
    @TempDir
    Path tmp;

    @Test
    void helpListsEveryCommandWithExamples() {
        Cli r = Cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("demo", "sample-shop", "import", "stats", "evaluate", "tune", "serve",
                "Examples:");
        Cli imp = Cli.run("import", "--help");
        assertThat(imp.out()).contains("movielens", "amazon-s3rec", "amazon-scientific", "taobao", "--max-errors");
    }

    @Test
    void mistakesGetAClearMessageAndExitCode2() {
        Cli unknown = Cli.run("teleport");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument");

        Cli noKind = Cli.run("import", "csv", tmp.toString(), "--store", "h2:" + tmp.resolve("s"));
        assertThat(noKind.exitCode()).isEqualTo(2);
        assertThat(noKind.err()).contains("--kind").doesNotContain("at dev.tailor");

        Cli missing = Cli.run("import", "movielens", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file or folder");

        Cli badFormat = Cli.run("import", "parquet", tmp.toString(), "--store", "h2:" + tmp.resolve("s"));
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("unknown dataset format 'parquet'", "movielens");

        Cli badStore = Cli.run("stats", "--store", "mongodb://localhost");
        assertThat(badStore.exitCode()).isEqualTo(2);
        assertThat(badStore.err()).contains("mongodb://localhost").doesNotContain("at dev.tailor");

        Cli badShop = Cli.run("sample-shop", "--items", "0", "--out", tmp.resolve("shop").toString());
        assertThat(badShop.exitCode()).isEqualTo(2);
        assertThat(badShop.err()).contains("items");
    }
}
