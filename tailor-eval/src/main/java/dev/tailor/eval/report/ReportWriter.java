// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.core.data.IdDictionary;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.TailorException;
import dev.tailor.eval.curves.Curve;
import dev.tailor.eval.harness.Comparison;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.EvalData;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.Groups;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.stats.MeanCi;
import dev.tailor.eval.stats.PairedComparison;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a run to a folder so that anyone can re-check the numbers:
 * <ul>
 *   <li>{@code train.tsv}, {@code valid.tsv} (when there is one), {@code test.tsv}:
 *       {@code user_id<TAB>item_id<TAB>timestamp} with the original ids and epoch-millisecond timestamps;</li>
 *   <li>{@code <model>/recommendations.tsv}: {@code user_id<TAB>rank<TAB>item_id<TAB>score}, every test user,
 *       the top max(K);</li>
 *   <li>{@code metrics.json}: config, seed, dataset fingerprint, version, every metric per model and K (mean,
 *       95% CI, n), per group, exposure aggregates, and every pairwise comparison;</li>
 *   <li>{@code report.html} with its plots (see {@link HtmlReport}) and {@code summary.txt}, the console
 *       table;</li>
 *   <li>when models reported training epochs: {@code curves.csv} and {@code curves/<model>.png}
 *       ({@link CurveReport}).</li>
 * </ul>
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    public static void write(ExperimentResult r, RunInfo info, Path dir) {
        write(r, info, List.of(), dir);
    }

    /**
     * The report with learning curves: {@code curves.csv}, {@code curves/<model>.png}, their table in
     * {@code summary.txt} and a section in {@code report.html} (see {@link CurveReport}); none when
     * {@code curves} is empty.
     */
    public static void write(ExperimentResult r, RunInfo info, List<Curve> curves, Path dir) {
        try {
            Files.createDirectories(dir);
            EvalData data = r.data();
            writeInteractions(data.split().train(), dir.resolve("train.tsv"));
            if (data.split().validation().isPresent()) {
                writeInteractions(data.split().validation().get(), dir.resolve("valid.tsv"));
            }
            writeInteractions(data.split().test(), dir.resolve("test.tsv"));
            Set<String> folders = new HashSet<>();
            for (ModelResult m : r.models()) {
                String folder = folderName(m.label(), folders);
                Path d = dir.resolve(folder);
                Files.createDirectories(d);
                writeRecommendations(data, m, d.resolve("recommendations.tsv"));
            }
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            json.writeValue(dir.resolve("metrics.json").toFile(), metricsJson(r, info, json));
            String summary = ConsoleTable.render(r);
            if (!curves.isEmpty()) {
                HtmlReport.headless();
                CurveReport.write(curves, dir);
                summary += "\n" + CurveReport.render(curves);
            }
            Files.writeString(dir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
            HtmlReport.write(r, info, curves, dir.resolve("report.html"));
        } catch (IOException e) {
            throw new TailorException("cannot write the evaluation report to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A file-system-safe, unique folder name for a model label. */
    static String folderName(String label, Set<String> taken) {
        String base = label.replaceAll("[^A-Za-z0-9._=-]+", "_");
        if (base.isEmpty() || base.startsWith(".")) {
            base = "model" + base;
        }
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    private static void writeInteractions(Snapshot s, Path file) throws IOException {
        IdDictionary users = s.users();
        IdDictionary items = s.items();
        Interactions in = s.interactions();
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("user_id\titem_id\ttimestamp\n");
            for (int u = 0; u < in.numUsers(); u++) {
                for (int k = in.start(u); k < in.end(u); k++) {
                    w.write(users.id(u));
                    w.write('\t');
                    w.write(items.id(in.item(k)));
                    w.write('\t');
                    w.write(Long.toString(in.time(k)));
                    w.write('\n');
                }
            }
        }
    }

    private static void writeRecommendations(EvalData data, ModelResult m, Path file) throws IOException {
        IdDictionary users = data.split().train().users();
        IdDictionary items = data.split().train().items();
        int maxK = data.config().maxK();
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("user_id\trank\titem_id\tscore\n");
            for (int s = 0; s < data.userCount(); s++) {
                String user = users.id(data.user(s));
                for (int j = 0; j < m.recLength()[s]; j++) {
                    w.write(user);
                    w.write('\t');
                    w.write(Integer.toString(j + 1));
                    w.write('\t');
                    w.write(items.id(m.recItems()[s * maxK + j]));
                    w.write('\t');
                    w.write(Float.toString(m.recScores()[s * maxK + j]));
                    w.write('\n');
                }
            }
        }
    }

    static ObjectNode metricsJson(ExperimentResult r, RunInfo info, ObjectMapper json) {
        EvalData data = r.data();
        EvalConfig c = data.config();
        int[] ks = c.ks();
        ObjectNode root = json.createObjectNode();
        ObjectNode run = root.putObject("run");
        run.put("dataset", info.dataset());
        run.put("datasetFingerprint", data.split().train().fingerprint() + "/" + data.split().test().fingerprint());
        run.put("split", info.split());
        run.put("seed", info.seed());
        run.put("software", "tailor " + info.softwareVersion());
        run.put("wallMillis", r.wallMillis());
        info.extra().forEach(run::put);
        ObjectNode cfg = root.putObject("config");
        ArrayNode kArr = cfg.putArray("k");
        for (int k : ks) {
            kArr.add(k);
        }
        cfg.put("maskHistory", c.maskHistory());
        cfg.put("maskValidation", c.maskValidation());
        cfg.put("contextIncludesValidation", c.contextIncludesValidation());
        cfg.put("ranking", c.sampling().map(s -> "sampled: " + s.spec()).orElse("full"));
        cfg.put("threads", c.threads());
        cfg.put("bootstrapSamples", c.bootstrapSamples());
        cfg.put("diversityBy", c.topCategory() ? "top category" : "category");
        ObjectNode counts = root.putObject("data");
        counts.put("trainEvents", data.split().train().interactions().size());
        data.split().validation().ifPresent(v -> counts.put("validationEvents", v.interactions().size()));
        counts.put("testEvents", data.split().test().interactions().size());
        counts.put("testUsers", data.userCount());
        counts.put("rankableItems", data.rankableCount());

        ArrayNode models = root.putArray("models");
        for (ModelResult m : r.models()) {
            ObjectNode mo = models.addObject();
            mo.put("label", m.label());
            mo.put("spec", m.spec());
            mo.put("trainMillis", m.trainMillis());
            mo.put("evalMillis", m.evalMillis());
            mo.put("dataFingerprint", m.provenance().dataFingerprint());
            mo.put("modelSeed", m.provenance().seed());
            // How the model was actually trained (best epoch, item init, ...), beyond what its spec asked for.
            ObjectNode config = mo.putObject("modelConfig");
            m.provenance().config().forEach(config::put);
            ObjectNode metrics = mo.putObject("metrics");
            for (Metric metric : Metric.values()) {
                if (metric.atK()) {
                    for (int ki = 0; ki < ks.length; ki++) {
                        putCi(metrics.putObject(metric.label(ks[ki])), r.summary(m, metric, ki));
                    }
                } else {
                    putCi(metrics.putObject(metric.label(0)), r.summary(m, metric, 0));
                }
            }
            for (int ki = 0; ki < ks.length; ki++) {
                metrics.put("COVERAGE@" + ks[ki], m.coverage()[ki]);
                metrics.put("GINI@" + ks[ki], m.gini()[ki]);
            }
            ObjectNode groups = mo.putObject("groups");
            for (Groups g : data.groups()) {
                ObjectNode go = groups.putObject(g.name());
                for (int gi = 0; gi < g.labels().size(); gi++) {
                    ObjectNode lo = go.putObject(g.labels().get(gi));
                    for (Metric metric : Metric.values()) {
                        int kCount = metric.atK() ? ks.length : 1;
                        for (int ki = 0; ki < kCount; ki++) {
                            MeanCi s = r.summary(m, metric, ki, g, gi);
                            if (s.n() > 0) {
                                putCi(lo.putObject(metric.label(ks[ki])), s);
                            }
                        }
                    }
                }
            }
        }
        ArrayNode comps = root.putArray("comparisons");
        for (Comparison cmp : r.comparisons()) {
            PairedComparison s = cmp.stats();
            ObjectNode o = comps.addObject();
            o.put("a", cmp.a());
            o.put("b", cmp.b());
            o.put("metric", cmp.metricLabel());
            o.put("n", s.n());
            put(o, "meanA", s.meanA());
            put(o, "meanB", s.meanB());
            put(o, "meanDiff", s.meanDiff());
            put(o, "t", s.tStatistic());
            put(o, "tTestP", s.tP());
            put(o, "wilcoxonW", s.wilcoxonW());
            put(o, "wilcoxonZ", s.wilcoxonZ());
            put(o, "wilcoxonP", s.wilcoxonP());
            put(o, "bootstrapLow", s.bootLow());
            put(o, "bootstrapHigh", s.bootHigh());
            o.put("bootstrapSamples", s.bootstrapSamples());
            o.put("bootstrapSeed", s.seed());
            o.put("significantAt0.05", s.significant(0.05));
        }
        return root;
    }

    private static void putCi(ObjectNode o, MeanCi s) {
        put(o, "mean", s.mean());
        put(o, "ci95Low", s.low());
        put(o, "ci95High", s.high());
        put(o, "sd", s.sd());
        o.put("n", s.n());
    }

    /** JSON has no NaN: undefined values are written as null. */
    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
