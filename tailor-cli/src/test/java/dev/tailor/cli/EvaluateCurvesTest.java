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
    void sequentialModelsGetTrainingLossAndValidationNdcgCurves() throws IOException {
        SharedData.require("ml-100k");
        Path out = tmp.resolve("seq");
        // Parameters in the registry's order: the model's label is then the spec as written.
        String spec = "sasrec:dim=16,blocks=1,negatives=256,epochs=3,vusers=200,maxlen=20,threads=2";
        Cli r = Cli.run("evaluate", "--data", "ml-100k", "--protocol", "loo", "--models", spec, "--threads", "2",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();

        List<String> rows = Files.readAllLines(out.resolve("curves.csv"));
        String label = '"' + spec + '"';
        // Patience 5 > 3 epochs: all three are trained, each giving a loss and a validation NDCG@10.
        for (String metric : List.of("ce-loss", "valid-ndcg@10")) {
            List<String[]> curve = rows.stream().filter(l -> l.startsWith(label + ",sasrec,"))
                    .map(l -> l.substring(label.length() + 1).split(",")).filter(f -> f[3].equals(metric)).toList();
            assertThat(curve).as(String.join("\n", rows)).extracting(f -> f[1]).containsExactly("1", "2", "3");
            assertThat(curve).allSatisfy(f -> assertThat(f[2]).isEqualTo("3"));
            // Cross-entropy starts near ln(1 + 256 negatives) = 5.55; NDCG@10 is a fraction.
            double most = metric.equals("ce-loss") ? Math.log(257) + 1 : 1;
            assertThat(curve).extracting(f -> Double.parseDouble(f[4])).allSatisfy(v -> assertThat(v)
                    .isPositive().isLessThanOrEqualTo(most));
        }
        assertThat(rows).hasSize(1 + 2 * 3);
        Path png = out.resolve("curves").resolve("sasrec_dim=16_blocks=1_negatives=256_epochs=3_vusers=200_maxlen=20_"
                + "threads=2.png");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(560);
        assertThat(r.out()).contains("sasrec ce-loss", "sasrec valid-ndcg@10");
    }

    @Test
    void helpSaysWhereTheCurvesGo() {
        Cli r = Cli.run("evaluate", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("curves.csv", "curves/<model>.png");
    }
}
