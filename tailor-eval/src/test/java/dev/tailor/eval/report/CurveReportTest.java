// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.data.Snapshot;
import dev.tailor.eval.curves.Curve;
import dev.tailor.eval.curves.LearningCurves;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.Experiment;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.split.SplitSpec;
import dev.tailor.eval.testing.Synthetic;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.style.Styler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurveReportTest {
    private static final Snapshot SHOP = Synthetic.shop(7, 100, 50, 12);
    private static final String ALS = "als:rank=8,iterations=5";
    private static final String BPR = "bpr:rank=8,epochs=4";

    @TempDir
    Path tmp;

    @Test
    void csvHoldsExactlyTheEpochsTheTrainersReported() throws IOException {
        LearningCurves curves = new LearningCurves();
        List<Epoch> seen = new ArrayList<>();
        for (String spec : List.of(ALS, BPR)) {
            TrainerSpec t = Algorithms.parse(spec);
            EpochListener recorder = curves.listener(t.label());
            t.withListener(e -> {
                seen.add(e);
                recorder.onEpoch(e);
            }).train(SHOP);
        }
        assertThat(seen).hasSize(5 + 4);

        Map<String, Path> plots = CurveReport.write(curves.curves(), tmp);

        List<String> lines = Files.readAllLines(tmp.resolve(CurveReport.CSV));
        assertThat(lines.get(0)).isEqualTo("model,component,epoch,epochs,metric,value,seconds");
        assertThat(lines).hasSize(1 + seen.size());
        for (int i = 0; i < seen.size(); i++) {
            Epoch e = seen.get(i);
            List<String> f = parseCsv(lines.get(i + 1));
            String label = e.algorithm().equals("als") ? ALS : BPR;
            assertThat(f).hasSize(7);
            assertThat(f.subList(0, 5)).containsExactly(label, e.algorithm(), Integer.toString(e.epoch()),
                    Integer.toString(e.epochs()), e.metric());
            assertThat(Double.parseDouble(f.get(5))).as(lines.get(i + 1)).isEqualTo(e.value());
            assertThat(Double.parseDouble(f.get(6))).isCloseTo(e.seconds(), within(1e-6));
        }
        assertThat(plots).containsOnlyKeys(ALS, BPR);
        for (Path png : plots.values()) {
            assertDrawn(png);
        }
    }

    /** The size the report uses, and more than background: axes, text and the line itself. */
    private static void assertDrawn(Path png) throws IOException {
        assertThat(png).exists().hasParent(png.getParent());
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(HtmlReport.WIDTH);
        assertThat(img.getHeight()).isEqualTo(HtmlReport.HEIGHT);
        int background = img.getRGB(0, 0);
        Set<Integer> colours = new HashSet<>();
        long other = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                colours.add(rgb);
                if (rgb != background) {
                    other++;
                }
            }
        }
        assertThat(colours.size()).as("colours in %s", png).isGreaterThan(10);
        assertThat(other).as("non-background pixels in %s", png).isGreaterThan(img.getWidth() * img.getHeight() / 20);
    }

    /** RFC 4180 fields of one line (no embedded newlines in these files). */
    private static List<String> parseCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    @Test
    void theReportFolderGetsCurvesForTheIterativeModelsOnly() throws IOException {
        SplitSpec spec = SplitSpec.parse("loo", 3);
        Split split = spec.apply(SHOP);
        LearningCurves curves = new LearningCurves();
        List<ModelSpec> models = curves.attach(Algorithms.standard().trainers("pop " + ALS).stream()
                .map(ModelSpec::of).toList());
        ExperimentResult r = Experiment.run(split, spec.filters(), models, EvalConfig.defaults().withKs(10),
                ProgressListener.NONE);
        ReportWriter.write(r, new RunInfo("synthetic", "loo", 3, RunInfo.version(), Map.of()), curves.curves(), tmp);

        assertThat(curves.curves()).extracting(Curve::model).containsExactly(ALS);
        assertThat(Files.readAllLines(tmp.resolve(CurveReport.CSV))).hasSize(1 + 5);
        try (var files = Files.list(tmp.resolve(CurveReport.PLOTS))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactly("als_rank=8_iterations=5.png");
        }
        assertDrawn(tmp.resolve(CurveReport.PLOTS).resolve("als_rank=8_iterations=5.png"));
        String html = Files.readString(tmp.resolve("report.html"));
        assertThat(html).contains("<h2>Learning curves</h2>", "alt=\"learning curve of " + ALS + "\"");
        assertThat(Files.readString(tmp.resolve("summary.txt"))).contains("Learning curves", ALS + " loss",
                "s/epoch");
    }

    @Test
    void withoutCurvesTheReportHasNoneOfTheirFiles() {
        SplitSpec spec = SplitSpec.parse("loo", 3);
        ExperimentResult r = Experiment.run(spec.apply(SHOP), spec.filters(), List.of(ModelSpec.of(
                Algorithms.parse("pop"))), EvalConfig.defaults().withKs(10), ProgressListener.NONE);
        ReportWriter.write(r, new RunInfo("synthetic", "loo", 3, RunInfo.version(), Map.of()), tmp);
        assertThat(tmp.resolve(CurveReport.CSV)).doesNotExist();
        assertThat(tmp.resolve(CurveReport.PLOTS)).doesNotExist();
        assertThat(CurveReport.render(List.of())).isEmpty();
    }

    @Test
    void tableHasAColumnPerCurveAndThinsLongRuns() {
        List<Epoch> sgd = new ArrayList<>();
        for (int e = 1; e <= 50; e++) {
            sgd.add(new Epoch("bpr", e, 50, "bpr-loss", 1.0 / e, 2_000_000));
        }
        Curve bpr = new Curve("bpr", "bpr", "bpr-loss", sgd);
        Curve als = new Curve("als", "als", "loss", List.of(new Epoch("als", 1, 2, "loss", 1234.5, 500_000_000),
                new Epoch("als", 2, 2, "loss", 1000, 300_000_000)));
        String table = CurveReport.render(List.of(als, bpr));
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).contains("some epochs shown", "curves.csv");
        assertThat(lines.get(1)).containsPattern("^epoch +als loss +bpr bpr-loss$");
        // Epochs 1, 4, 7, ..., 49, 50, and 2 where ALS ended.
        assertThat(lines.get(3)).containsPattern("^1 +1234\\.50 +1\\.00000$");
        assertThat(lines.get(4)).containsPattern("^2 +1000\\.00 +0\\.500000$");
        assertThat(lines.get(5)).containsPattern("^4 +0\\.250000$");
        assertThat(CurveReport.thin(range(50))).startsWith(1, 4, 7).endsWith(49, 50).hasSizeLessThanOrEqualTo(
                CurveReport.MAX_ROWS + 1);
        assertThat(CurveReport.thin(range(20))).isEqualTo(range(20));
        assertThat(lines.get(lines.size() - 1)).containsPattern("^s/epoch +0\\.400 +0\\.002$");
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void logScaleOnlyWhenTheValuesSpanTwoDecades() {
        Curve falling = new Curve("m", "als", "loss", List.of(new Epoch("als", 1, 2, "loss", 5000, 1),
                new Epoch("als", 2, 2, "loss", 20, 1)));
        Curve flat = new Curve("m", "bpr", "bpr-loss", List.of(new Epoch("bpr", 1, 2, "bpr-loss", 0.69, 1),
                new Epoch("bpr", 2, 2, "bpr-loss", 0.4, 1)));
        assertThat(CurveReport.chart("m", List.of(falling)).getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(CurveReport.chart("m", List.of(flat)).getStyler().isYAxisLogarithmic()).isFalse();
        assertThat(CurveReport.chart("m", List.of(falling, flat)).getStyler().isYAxisLogarithmic()).isTrue();
    }

    @Test
    void aValidationMetricNextToALossGetsTheRightAxis(@TempDir Path dir) throws IOException {
        Curve loss = new Curve("m", "sasrec", "ce-loss", List.of(new Epoch("sasrec", 1, 2, "ce-loss", 7.5, 1),
                new Epoch("sasrec", 2, 2, "ce-loss", 6.1, 1)));
        Curve ndcg = new Curve("m", "sasrec", "valid-ndcg@10", List.of(
                new Epoch("sasrec", 1, 2, "valid-ndcg@10", 0.0, 1),
                new Epoch("sasrec", 2, 2, "valid-ndcg@10", 0.04, 1)));
        var chart = CurveReport.chart("m", List.of(loss, ndcg));
        assertThat(chart.getSeries("sasrec ce-loss").getYAxisGroup()).isZero();
        assertThat(chart.getSeries("sasrec valid-ndcg@10").getYAxisGroup()).isEqualTo(1);
        assertThat(chart.getStyler().getYAxisGroupPosistion(1)).isEqualTo(Styler.YAxisPosition.Right);
        // NDCG@10 of 0 cannot be drawn on a log scale.
        assertThat(chart.getStyler().isYAxisLogarithmic()).isFalse();
        Path png = dir.resolve("m.png");
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(HtmlReport.WIDTH);
    }
}
