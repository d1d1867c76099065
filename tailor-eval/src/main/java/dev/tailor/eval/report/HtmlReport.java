// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.report;

import dev.tailor.eval.curves.Curve;
import dev.tailor.eval.harness.Comparison;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.Groups;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.stats.MeanCi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A self-contained HTML page: the mean +- CI table per K, metric-vs-K line plots, per-group bar charts with
 * error bars, and the comparison table. Plots are PNGs drawn by XChart in headless mode and embedded as
 * base64, so the single file can be mailed or attached to an issue. Learning curves, when given, close the page
 * ({@link CurveReport}).
 */
public final class HtmlReport {
    private static final Metric[] PLOTTED = {Metric.NDCG, Metric.RECALL, Metric.HIT, Metric.MAP, Metric.PRECISION,
        Metric.MRR};
    static final int WIDTH = 560;
    static final int HEIGHT = 360;

    private HtmlReport() {
    }

    public static void write(ExperimentResult r, RunInfo info, Path file) throws IOException {
        write(r, info, List.of(), file);
    }

    /** The page with a learning-curves section when {@code curves} is not empty. */
    public static void write(ExperimentResult r, RunInfo info, List<Curve> curves, Path file) throws IOException {
        headless();
        Files.writeString(file, render(r, info, curves), StandardCharsets.UTF_8);
    }

    /** Charts are drawn off-screen; without this a server with no display fails inside AWT. */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static String render(ExperimentResult r, RunInfo info, List<Curve> curves) throws IOException {
        int[] ks = r.data().config().ks();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tailor evaluation: ")
                .append(esc(info.dataset())).append("</title>\n<style>body{font-family:sans-serif;margin:2em;}"
                        + "table{border-collapse:collapse;margin:1em 0;}td,th{border:1px solid #ccc;padding:4px 8px;"
                        + "text-align:right;}td:first-child,th:first-child{text-align:left;}"
                        + ".sig{font-weight:bold;}img{margin:4px;}</style></head><body>\n");
        h.append("<h1>Evaluation: ").append(esc(info.dataset())).append("</h1>\n<p>Split <code>")
                .append(esc(info.split())).append("</code>, seed ").append(info.seed()).append(", ")
                .append(r.data().userCount()).append(" test users, ").append(r.data().rankableCount())
                .append(" rankable items, ")
                .append(r.data().config().sampling().map(s -> "sampled ranking (" + s.spec() + ")")
                        .orElse("full ranking"))
                .append(", tailor ").append(esc(info.softwareVersion())).append(".</p>\n");
        for (int c = 0; c < ks.length; c++) {
            h.append("<h2>Metrics at K = ").append(ks[c]).append(" (mean ± 95% CI)</h2>\n<table><tr><th>model</th>");
            for (Metric m : Metric.values()) {
                h.append("<th>").append(m.label(ks[c])).append("</th>");
            }
            h.append("<th>coverage</th><th>Gini</th></tr>\n");
            for (ModelResult m : r.models()) {
                h.append("<tr><td>").append(esc(m.label())).append("</td>");
                for (Metric metric : Metric.values()) {
                    h.append("<td>").append(ConsoleTable.cell(r.summary(m, metric, c))).append("</td>");
                }
                h.append("<td>").append(ConsoleTable.fmt(m.coverage()[c])).append("</td><td>")
                        .append(ConsoleTable.fmt(m.gini()[c])).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>Metrics against K</h2>\n");
        for (Metric metric : PLOTTED) {
            XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(metric.key().toUpperCase()
                    + "@K").xAxisTitle("K").yAxisTitle(metric.key()).build();
            double[] x = new double[ks.length];
            for (int c = 0; c < ks.length; c++) {
                x[c] = ks[c];
            }
            for (ModelResult m : r.models()) {
                double[] y = new double[ks.length];
                for (int c = 0; c < ks.length; c++) {
                    y[c] = r.summary(m, metric, c).mean();
                }
                chart.addSeries(m.label(), x, y);
            }
            img(h, chart, metric.key() + " against K");
        }
        for (Groups g : r.data().groups()) {
            h.append("<h2>By ").append(esc(g.name())).append(" (").append(Metric.NDCG.label(ks[0]))
                    .append(", 95% CI)</h2>\n");
            CategoryChart chart = new CategoryChartBuilder().width(WIDTH * 3 / 2).height(HEIGHT)
                    .title(Metric.NDCG.label(ks[0]) + " by " + g.name()).xAxisTitle(g.name()).yAxisTitle("ndcg")
                    .build();
            List<String> labels = new ArrayList<>();
            List<Integer> kept = new ArrayList<>();
            for (int gi = 0; gi < g.labels().size(); gi++) {
                if (r.summary(r.models().get(0), Metric.NDCG, 0, g, gi).n() > 0) {
                    labels.add(g.labels().get(gi) + " (n=" + r.summary(r.models().get(0), Metric.NDCG, 0, g, gi).n()
                            + ")");
                    kept.add(gi);
                }
            }
            if (labels.isEmpty()) {
                h.append("<p>No test user has a group here.</p>\n");
                continue;
            }
            for (ModelResult m : r.models()) {
                List<Double> y = new ArrayList<>();
                List<Double> err = new ArrayList<>();
                for (int gi : kept) {
                    MeanCi s = r.summary(m, Metric.NDCG, 0, g, gi);
                    y.add(s.mean());
                    err.add(Double.isNaN(s.halfWidth()) ? 0 : s.halfWidth());
                }
                chart.addSeries(m.label(), labels, y, err);
            }
            img(h, chart, "ndcg by " + g.name());
        }
        if (!r.comparisons().isEmpty()) {
            h.append("<h2>Pairwise comparisons</h2>\n<p>Mean difference a − b over the same test users; paired "
                    + "t-test and Wilcoxon signed-rank (normal approximation, tie and continuity corrected) p-values;"
                    + " percentile bootstrap 95% CI of the mean difference. Bold: both tests p &lt; 0.05 and the "
                    + "interval excludes 0.</p>\n<table><tr><th>a</th><th>b</th><th>metric</th><th>mean a</th>"
                    + "<th>mean b</th><th>diff</th><th>bootstrap 95% CI</th><th>t-test p</th><th>Wilcoxon p</th>"
                    + "<th>n</th></tr>\n");
            for (Comparison c : r.comparisons()) {
                var s = c.stats();
                h.append(s.significant(0.05) ? "<tr class=\"sig\">" : "<tr>").append("<td>").append(esc(c.a()))
                        .append("</td><td>").append(esc(c.b())).append("</td><td>").append(c.metricLabel())
                        .append("</td><td>").append(ConsoleTable.fmt(s.meanA())).append("</td><td>")
                        .append(ConsoleTable.fmt(s.meanB())).append("</td><td>").append(ConsoleTable.fmt(s.meanDiff()))
                        .append("</td><td>[").append(ConsoleTable.fmt(s.bootLow())).append(", ")
                        .append(ConsoleTable.fmt(s.bootHigh())).append("]</td><td>").append(ConsoleTable.p(s.tP()))
                        .append("</td><td>").append(ConsoleTable.p(s.wilcoxonP())).append("</td><td>").append(s.n())
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        CurveReport.html(h, curves);
        h.append("</body></html>\n");
        return h.toString();
    }

    static void img(StringBuilder h, Chart<?, ?> chart, String alt) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        h.append("<img alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
