// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.report;

import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.core.error.TailorException;
import dev.tailor.eval.curves.Curve;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning curves as files, plots and tables:
 * <ul>
 *   <li>{@code curves.csv}: {@code model,component,epoch,epochs,metric,value,seconds}, one row per reported
 *       epoch (RFC 4180 quoting: labels such as {@code item-knn:k=50,shrink=10} hold commas; values in full
 *       precision; seconds of that epoch alone);</li>
 *   <li>{@code curves/<model>.png}: value against epoch, a line per component, on a log scale when the values
 *       span two decades or more;</li>
 *   <li>a console table (value per epoch, a column per curve) and a section of {@code report.html}.</li>
 * </ul>
 */
public final class CurveReport {
    public static final String CSV = "curves.csv";
    public static final String PLOTS = "curves";
    /** More epochs than this are thinned in the console table; the CSV keeps them all. */
    static final int MAX_ROWS = 20;
    private static final int MANY_POINTS = 30;
    /** Metrics measured on held-out validation data, not on what the trainer fits, start with this. */
    static final String VALID_PREFIX = "valid-";

    private CurveReport() {
    }

    /**
     * Writes {@code curves.csv} and one plot per model into {@code dir}; nothing when there are no curves.
     *
     * @return each model's plot file, in the curves' order
     */
    public static Map<String, Path> write(List<Curve> curves, Path dir) {
        Map<String, Path> plots = new LinkedHashMap<>();
        if (curves.isEmpty()) {
            return plots;
        }
        try {
            Files.createDirectories(dir.resolve(PLOTS));
            writeCsv(curves, dir.resolve(CSV));
            Set<String> names = new HashSet<>();
            for (Map.Entry<String, List<Curve>> m : byModel(curves).entrySet()) {
                Path png = dir.resolve(PLOTS).resolve(ReportWriter.folderName(m.getKey(), names) + ".png");
                BitmapEncoder.saveBitmap(chart(m.getKey(), m.getValue()), png.toString(),
                        BitmapEncoder.BitmapFormat.PNG);
                plots.put(m.getKey(), png);
            }
        } catch (IOException e) {
            throw new TailorException("cannot write learning curves to " + dir + ": " + e.getMessage(), e);
        }
        return plots;
    }

    static void writeCsv(List<Curve> curves, Path file) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.write("model,component,epoch,epochs,metric,value,seconds\n");
            for (Curve c : curves) {
                for (Epoch e : c.epochs()) {
                    w.write(csv(c.model()) + ',' + csv(c.component()) + ',' + e.epoch() + ',' + e.epochs() + ','
                            + csv(c.metric()) + ',' + e.value() + ','
                            + String.format(Locale.ROOT, "%.6f", e.seconds()) + '\n');
                }
            }
        }
    }

    private static String csv(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** The curves grouped by model, models in order of their first curve. */
    public static Map<String, List<Curve>> byModel(List<Curve> curves) {
        Map<String, List<Curve>> m = new LinkedHashMap<>();
        for (Curve c : curves) {
            m.computeIfAbsent(c.model(), k -> new ArrayList<>()).add(c);
        }
        return m;
    }

    /**
     * One model's curves in the report's plot style. A validation metric ({@value #VALID_PREFIX}...) reported
     * next to a loss gets its own axis on the right: NDCG@10 near 0.05 would be a flat line on a loss's scale.
     */
    public static XYChart chart(String model, List<Curve> curves) {
        boolean oneMetric = curves.stream().map(Curve::metric).distinct().count() == 1;
        boolean anyValid = curves.stream().anyMatch(CurveReport::validation);
        boolean rightAxis = anyValid && curves.stream().anyMatch(c -> !validation(c));
        XYChart chart = new XYChartBuilder().width(HtmlReport.WIDTH).height(HtmlReport.HEIGHT)
                .title("Training of " + model).xAxisTitle("epoch")
                .yAxisTitle(oneMetric ? curves.get(0).metric() : "value").build();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double allMin = Double.POSITIVE_INFINITY;
        for (Curve c : curves) {
            boolean right = rightAxis && validation(c);
            double[] x = new double[c.epochs().size()];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                Epoch e = c.epochs().get(i);
                x[i] = e.epoch();
                y[i] = e.value();
                allMin = Math.min(allMin, y[i]);
                if (!right) {
                    min = Math.min(min, y[i]);
                    max = Math.max(max, y[i]);
                }
            }
            XYSeries s = chart.addSeries(seriesName(c, curves.size() > 1), x, y);
            if (x.length > MANY_POINTS) {
                s.setMarker(SeriesMarkers.NONE);
            }
            if (right) {
                s.setYAxisGroup(1);
            }
        }
        if (rightAxis) {
            chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        }
        // A loss that falls by orders of magnitude is a flat line after the first epochs on a linear axis. The
        // scale applies to both axes, so every value must be positive.
        chart.getStyler().setYAxisLogarithmic(allMin > 0 && min > 0 && max / min >= 100);
        chart.getStyler().setLegendVisible(curves.size() > 1);
        return chart;
    }

    private static boolean validation(Curve c) {
        return c.metric().startsWith(VALID_PREFIX);
    }

    private static String seriesName(Curve c, boolean withComponent) {
        return withComponent ? c.component() + " " + c.metric() : c.metric();
    }

    /**
     * The console table: a row per epoch (thinned to about {@value #MAX_ROWS}, the first and every curve's last
     * kept), a column per curve, then seconds per epoch; empty text when there are no curves.
     */
    public static String render(List<Curve> curves) {
        if (curves.isEmpty()) {
            return "";
        }
        Map<String, List<Curve>> models = byModel(curves);
        TreeSet<Integer> epochs = new TreeSet<>();
        List<String> header = new ArrayList<>(List.of("epoch"));
        for (Curve c : curves) {
            c.epochs().forEach(e -> epochs.add(e.epoch()));
            header.add(c.model() + " " + seriesName(c, models.get(c.model()).size() > 1));
        }
        List<Integer> all = new ArrayList<>(epochs);
        // Each curve's last epoch stays visible, however the rows are thinned: it is where training ended.
        TreeSet<Integer> rowSet = new TreeSet<>(thin(all));
        for (Curve c : curves) {
            rowSet.add(c.epochs().get(c.epochs().size() - 1).epoch());
        }
        List<Integer> shown = new ArrayList<>(rowSet);
        List<List<String>> rows = new ArrayList<>();
        for (int epoch : shown) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(epoch)));
            for (Curve c : curves) {
                row.add(valueAt(c, epoch));
            }
            rows.add(row);
        }
        List<String> perEpoch = new ArrayList<>(List.of("s/epoch"));
        for (Curve c : curves) {
            perEpoch.add(String.format(Locale.ROOT, "%.3f", c.seconds() / c.epochs().size()));
        }
        rows.add(perEpoch);
        StringBuilder sb = new StringBuilder("Learning curves (")
                .append(shown.size() < all.size() ? "some epochs shown; every epoch" : "every epoch; also")
                .append(" in ").append(CSV).append(")\n");
        ConsoleTable.table(sb, header, rows);
        return sb.toString();
    }

    /** At most about {@link #MAX_ROWS} of the epochs, evenly spaced, always the first and the last. */
    static List<Integer> thin(List<Integer> epochs) {
        if (epochs.size() <= MAX_ROWS) {
            return epochs;
        }
        int step = (epochs.size() + MAX_ROWS - 2) / (MAX_ROWS - 1);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < epochs.size() - 1; i += step) {
            out.add(epochs.get(i));
        }
        out.add(epochs.get(epochs.size() - 1));
        return out;
    }

    private static String valueAt(Curve c, int epoch) {
        for (Epoch e : c.epochs()) {
            if (e.epoch() == epoch) {
                return String.format(Locale.ROOT, "%.6g", e.value());
            }
        }
        return "";
    }

    /** The report.html section: a summary row per curve and a plot per model. */
    static void html(StringBuilder h, List<Curve> curves) throws IOException {
        if (curves.isEmpty()) {
            return;
        }
        h.append("<h2>Learning curves</h2>\n<p>The loss or metric each iterative trainer reports after every epoch"
                + " (training data; a <code>valid-</code> metric on the trainer's own held-out validation users);"
                + " every epoch is in <code>").append(CSV).append("</code>.</p>\n")
                .append("<table><tr><th>model</th><th>component</th><th>metric</th><th>epochs</th><th>first</th>"
                        + "<th>last</th><th>s/epoch</th></tr>\n");
        for (Curve c : curves) {
            h.append("<tr><td>").append(HtmlReport.esc(c.model())).append("</td><td>")
                    .append(HtmlReport.esc(c.component())).append("</td><td>").append(HtmlReport.esc(c.metric()))
                    .append("</td><td>").append(c.epochs().size()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.6g", c.epochs().get(0).value())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.6g", c.last())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", c.seconds() / c.epochs().size()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (Map.Entry<String, List<Curve>> m : byModel(curves).entrySet()) {
            HtmlReport.img(h, chart(m.getKey(), m.getValue()), "learning curve of " + m.getKey());
        }
    }
}
