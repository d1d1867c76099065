// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tailor evaluate} writes learning curves for the iterative models it trains, and only for them. */
class EvaluateCurvesTest {
    @TempDir
    Path tmp;

    @Test
    void iterativeModelsGetCurvesInTheReportAndOnTheConsole() throws IOException {
        SharedData.require("ml-100k");
        Path out = tmp.resolve("ml");
        Cli r = Cli.run("evaluate", "--data", "ml-100k", "--protocol", "recbole", "--models",
                "pop als:rank=8,iterations=3 bpr:rank=8,epochs=2", "--threads", "2", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();

        List<String> csv = Files.readAllLines(out.resolve("curves.csv"));
        assertThat(csv.get(0)).isEqualTo("model,component,epoch,epochs,metric,value,seconds");
        assertThat(csv.subList(1, csv.size())).hasSize(3 + 2).allSatisfy(line ->
                assertThat(Double.parseDouble(line.substring(line.lastIndexOf(',') + 1))).isPositive());
        assertThat(csv.get(1)).startsWith("\"als:rank=8,iterations=3\",als,1,3,loss,");
        assertThat(csv.get(4)).startsWith("\"bpr:rank=8,epochs=2\",bpr,1,2,bpr-loss,");
        try (var plots = Files.list(out.resolve("curves"))) {
            assertThat(plots.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("als_rank=8_iterations=3.png", "bpr_rank=8_epochs=2.png");
        }
        BufferedImage png = ImageIO.read(out.resolve("curves").resolve("als_rank=8_iterations=3.png").toFile());
        assertThat(png.getWidth()).isEqualTo(560);
        assertThat(png.getHeight()).isEqualTo(360);
        assertThat(Files.readString(out.resolve("report.html"))).contains("<h2>Learning curves</h2>");

        assertThat(r.out()).contains("Learning curves", "als:rank=8,iterations=3 loss",
                "bpr:rank=8,epochs=2 bpr-loss", "s/epoch", "curves.csv").doesNotContain("pop loss");
        assertThat(r.out()).containsPattern("(?m)^3 +[0-9.e+]+ *$");
    }

    @Test
    void helpSaysWhereTheCurvesGo() {
        Cli r = Cli.run("evaluate", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("curves.csv", "curves/<model>.png");
    }
}
