// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.report;

import dev.tailor.eval.harness.Comparison;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.Groups;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.stats.MeanCi;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain-text tables the CLI prints: mean +- 95% CI half-width per model and metric, per-group NDCG at the
 * first K, and the pairwise comparisons. Fixed-width columns, no colours, so the text also reads well in logs.
 */
public final class ConsoleTable {
    private static final Metric[] SHOWN = {Metric.PRECISION, Metric.RECALL, Metric.NDCG, Metric.MAP, Metric.MRR,
        Metric.HIT};

    private ConsoleTable() {
    }

    public static String render(ExperimentResult r) {
        StringBuilder sb = new StringBuilder();
        int[] ks = r.data().config().ks();
        for (int c = 0; c < ks.length; c++) {
            List<String> header = new ArrayList<>(List.of("model"));
            for (Metric m : SHOWN) {
                header.add(m.label(ks[c]));
            }
            header.add("Cov@" + ks[c]);
            List<List<String>> rows = new ArrayList<>();
            for (ModelResult m : r.models()) {
                List<String> row = new ArrayList<>(List.of(m.label()));
                for (Metric metric : SHOWN) {
                    row.add(cell(r.summary(m, metric, c)));
                }
                row.add(String.format(Locale.ROOT, "%.4f", m.coverage()[c]));
                rows.add(row);
            }
            table(sb, header, rows);
            sb.append('\n');
        }
        List<String> header = List.of("model", "AUC", "novelty@" + ks[0], "pop@" + ks[0], "diversity@" + ks[0],
                "Gini@" + ks[0], "train ms", "eval ms");
        List<List<String>> rows = new ArrayList<>();
        for (ModelResult m : r.models()) {
            rows.add(List.of(m.label(), cell(r.summary(m, Metric.AUC, 0)), cell(r.summary(m, Metric.NOVELTY, 0)),
                    cell(r.summary(m, Metric.POPULARITY, 0)), cell(r.summary(m, Metric.DIVERSITY, 0)),
                    String.format(Locale.ROOT, "%.4f", m.gini()[0]), Long.toString(m.trainMillis()),
                    Long.toString(m.evalMillis())));
        }
        table(sb, header, rows);
        for (Groups g : r.data().groups()) {
            sb.append('\n');
            List<String> gh = new ArrayList<>(List.of(g.name(), "users"));
            for (ModelResult m : r.models()) {
                gh.add(m.label() + " " + Metric.NDCG.label(ks[0]));
            }
            List<List<String>> grows = new ArrayList<>();
            for (int gi = 0; gi < g.labels().size(); gi++) {
                List<String> row = new ArrayList<>(List.of(g.labels().get(gi)));
                boolean first = true;
                for (ModelResult m : r.models()) {
                    MeanCi s = r.summary(m, Metric.NDCG, 0, g, gi);
                    if (first) {
                        row.add(Integer.toString(s.n()));
                        first = false;
                    }
                    row.add(cell(s));
                }
                if (!row.get(1).equals("0")) {
                    grows.add(row);
                }
            }
            table(sb, gh, grows);
        }
        if (!r.comparisons().isEmpty()) {
            sb.append('\n');
            List<List<String>> crows = new ArrayList<>();
            for (Comparison c : r.comparisons()) {
                var s = c.stats();
                crows.add(List.of(c.a() + " vs " + c.b(), c.metricLabel(), fmt(s.meanDiff()),
                        "[" + fmt(s.bootLow()) + ", " + fmt(s.bootHigh()) + "]", p(s.tP()), p(s.wilcoxonP()),
                        s.significant(0.05) ? "yes" : "no"));
            }
            table(sb, List.of("comparison", "metric", "mean diff", "bootstrap 95% CI", "t-test p", "Wilcoxon p",
                    "significant"), crows);
        }
        return sb.toString();
    }

    /** "0.1234 ± 0.0056". */
    public static String cell(MeanCi s) {
        if (s.n() == 0) {
            return "-";
        }
        if (Double.isNaN(s.halfWidth())) {
            return fmt(s.mean());
        }
        return fmt(s.mean()) + " ± " + fmt(s.halfWidth());
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    static String p(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v < 1e-4 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    static void table(StringBuilder sb, List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> row : rows) {
                w[i] = Math.max(w[i], row.get(i).length());
            }
        }
        line(sb, header, w);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        }
        sb.append(rule).append('\n');
        for (List<String> row : rows) {
            line(sb, row, w);
        }
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                l.append("  ");
            }
            l.append(i == 0 ? c + " ".repeat(w[i] - c.length()) : " ".repeat(w[i] - c.length()) + c);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
