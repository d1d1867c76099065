// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.fairness;

import dev.tailor.core.error.TailorException;
import dev.tailor.eval.stats.MeanCi;
import dev.tailor.eval.stats.PairedComparison;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Writes the fairness analysis: {@code fairness.md} (tables, readable in a terminal and pasteable into
 * docs), {@code rerank.tsv} (the trade-off curves), {@code fairness.html} (the same tables plus the
 * accuracy-versus-exposure plots as embedded PNGs, drawn headless by XChart like the main report) and the plots
 * as {@code rerank-gini.png} and {@code rerank-tail.png}.
 */
public final class FairnessReport {
    private FairnessReport() {
    }

    public static void write(List<ModelFairness> models, String title, Path dir) {
        try {
            Files.createDirectories(dir);
            String md = markdown(models, title);
            Files.writeString(dir.resolve("fairness.md"), md, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("rerank.tsv"), tsv(models), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("fairness.html"), html(models, title, md, dir), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TailorException("cannot write the fairness report to " + dir + ": " + e.getMessage(), e);
        }
    }

    public static String markdown(List<ModelFairness> models, String title) {
        StringBuilder b = new StringBuilder("# Fairness: ").append(title).append("\n\n");
        if (models.isEmpty()) {
            return b.append("No models.\n").toString();
        }
        int k = models.get(0).k();
        b.append("## Accuracy by user group (NDCG@").append(k).append(", mean ± 95% t-interval)\n\n");
        b.append("Gap = group minus the other users of the same grouping; 95% CI and p from Welch's t-test.\n\n");
        b.append("| model | grouping | group | users | NDCG@").append(k).append(" | rest | gap [95% CI] | p |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (ModelFairness m : models) {
            b.append("| ").append(m.model()).append(" | all | all | ").append(m.overall().n()).append(" | ")
                    .append(cell(m.overall())).append(" | | | |\n");
            for (GroupGap g : m.gaps()) {
                b.append("| ").append(m.model()).append(" | ").append(g.grouping()).append(" | ").append(g.group())
                        .append(" | ").append(g.inGroup().n()).append(" | ").append(cell(g.inGroup())).append(" | ")
                        .append(fmt(g.rest().mean())).append(" | ").append(signed(g.gap().diff())).append(" [")
                        .append(signed(g.gap().low())).append(", ").append(signed(g.gap().high())).append("] | ")
                        .append(p(g.gap().p())).append(g.gap().significant(0.05) ? " *" : "").append(" |\n");
            }
        }
        b.append("\n## Item exposure at K = ").append(k).append("\n\n| model | Gini | coverage |\n|---|---|---|\n");
        for (ModelFairness m : models) {
            b.append("| ").append(m.model()).append(" | ").append(fmt(m.gini())).append(" | ")
                    .append(fmt(m.coverage())).append(" |\n");
        }
        for (ModelFairness m : models) {
            shares(b, m.model(), m.byPopularity());
            shares(b, m.model(), m.byCategory());
        }
        for (ModelFairness m : models) {
            if (m.sweep().isEmpty()) {
                continue;
            }
            b.append("\n## Popularity-aware re-ranking: ").append(m.model()).append("\n\n| λ | NDCG@").append(k)
                    .append(" | vs first λ (paired t p) | long-tail share | Gini | coverage |\n|---|---|---|---|---|---|\n");
            RerankSweep.Point base = m.sweep().get(0);
            for (RerankSweep.Point p : m.sweep()) {
                PairedComparison c = PairedComparison.of(p.perUserNdcg(), base.perUserNdcg(), 0, 0);
                b.append("| ").append(fmt(p.lambda())).append(" | ").append(cell(p.ndcg())).append(" | ")
                        .append(signed(c.meanDiff())).append(" (").append(p(c.tP())).append(") | ")
                        .append(fmt(p.tailShare().mean())).append(" | ").append(fmt(p.gini())).append(" | ")
                        .append(fmt(p.coverage())).append(" |\n");
            }
        }
        return b.toString();
    }

    private static void shares(StringBuilder b, String model, ExposureShares s) {
        b.append("\n### ").append(model).append(": exposure by ").append(s.name()).append("\n\n| ").append(s.name())
                .append(" | items | catalog share | interaction share | exposure share | exposure / catalog |\n")
                .append("|---|---|---|---|---|---|\n");
        for (int g = 0; g < s.labels().size(); g++) {
            b.append("| ").append(s.labels().get(g)).append(" | ").append(s.items()[g]).append(" | ")
                    .append(fmt(s.catalogShare()[g])).append(" | ").append(fmt(s.interactionShare()[g])).append(" | ")
                    .append(fmt(s.exposureShare()[g])).append(" | ").append(fmt(s.ratio(g))).append(" |\n");
        }
    }

    static String tsv(List<ModelFairness> models) {
        StringBuilder b = new StringBuilder("model\tlambda\tndcg\tndcg_ci\ttail_share\tgini\tcoverage\n");
        for (ModelFairness m : models) {
            for (RerankSweep.Point p : m.sweep()) {
                b.append(m.model()).append('\t').append(p.lambda()).append('\t').append(p.ndcg().mean()).append('\t')
                        .append(p.ndcg().halfWidth()).append('\t').append(p.tailShare().mean()).append('\t')
                        .append(p.gini()).append('\t').append(p.coverage()).append('\n');
            }
        }
        return b.toString();
    }

    /** The page; the plots are also saved next to it as PNG files, for documents that link images. */
    private static String html(List<ModelFairness> models, String title, String md, Path dir) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + "Tailor fairness: ").append(esc(title)).append("</title><style>body{font-family:sans-serif;"
                + "margin:2em;}pre{background:#f6f6f6;padding:1em;}</style></head><body>\n");
        h.append("<h1>Fairness: ").append(esc(title)).append("</h1>\n");
        boolean any = models.stream().anyMatch(m -> !m.sweep().isEmpty());
        if (any) {
            int k = models.get(0).k();
            XYChart gini = new XYChartBuilder().width(640).height(420).title("NDCG@" + k + " vs exposure Gini")
                    .xAxisTitle("Gini of exposure (lower = fairer)").yAxisTitle("NDCG@" + k).build();
            XYChart tail = new XYChartBuilder().width(640).height(420).title("NDCG@" + k + " vs long-tail share")
                    .xAxisTitle("share of long-tail items in the lists").yAxisTitle("NDCG@" + k).build();
            // Model labels carry full specs: below the plot they do not squeeze it.
            gini.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            tail.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            for (ModelFairness m : models) {
                if (m.sweep().isEmpty()) {
                    continue;
                }
                List<Double> x = new ArrayList<>();
                List<Double> t = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                List<Double> e = new ArrayList<>();
                for (RerankSweep.Point p : m.sweep()) {
                    x.add(p.gini());
                    t.add(p.tailShare().mean());
                    y.add(p.ndcg().mean());
                    e.add(Double.isNaN(p.ndcg().halfWidth()) ? 0 : p.ndcg().halfWidth());
                }
                gini.addSeries(m.model(), x, y, e);
                tail.addSeries(m.model(), t, y, e);
            }
            h.append("<p>Each point is one re-ranking strength λ (the first point of a curve is λ = 0, the model"
                    + " itself); bars are 95% CIs of NDCG.</p>\n");
            img(h, gini, dir.resolve("rerank-gini.png"));
            img(h, tail, dir.resolve("rerank-tail.png"));
        }
        h.append("<pre>").append(esc(md)).append("</pre>\n</body></html>\n");
        return h.toString();
    }

    private static void img(StringBuilder h, XYChart chart, Path file) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        Files.write(file, png);
        h.append("<img alt=\"").append(esc(chart.getTitle())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
    }

    static String cell(MeanCi s) {
        return Double.isNaN(s.halfWidth()) ? fmt(s.mean()) : fmt(s.mean()) + " ± " + fmt(s.halfWidth());
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%+.4f", v);
    }

    static String p(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return v < 1e-4 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
