// SPDX-License-Identifier: Apache-2.0
package dev.tailor.bench.spark;

import dev.tailor.algorithms.als.AlsConfig;
import dev.tailor.algorithms.als.AlsModel;
import dev.tailor.algorithms.als.AlsTrainer;
import dev.tailor.algorithms.common.Training;
import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.EvalData;
import dev.tailor.eval.harness.Evaluator;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.split.DataFilters;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.split.SplitSpec;
import dev.tailor.eval.stats.MeanCi;
import dev.tailor.eval.stats.PairedComparison;
import dev.tailor.io.importer.Datasets;
import dev.tailor.io.sampleshop.GenerationSummary;
import dev.tailor.io.sampleshop.SampleShopConfig;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Tailor's ALS against Spark MLlib's on the same training split, in one JVM, one after the other: both train on
 * the same user x item weight matrix with the same rank, regularization, confidence slope and iteration count;
 * Spark's factors are then wrapped in Tailor's {@link AlsModel}, so the very same evaluator (full ranking,
 * history masked) scores both. EASE and BPR (any registry spec, {@code --others}) are timed and scored on the same
 * split. Run it through {@code bench/als-vs-spark.sh}; it prints a Markdown table.
 *
 * <p>Timing: Tailor's clock covers {@code train(snapshot)}, building the matrix from the events included; Spark's
 * covers {@code ALS.fit} on a DataFrame built beforehand (the session is started before, too), with Spark's own
 * preprocessing (blocking, shuffles) included. Each model's phase begins after full collections; its peak heap is
 * the heap pools' peak during training, data and split included (their live size is printed once per dataset).
 */
public final class AlsVsSpark {
    private AlsVsSpark() {
    }

    public static void main(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int k = 0; k < args.length; k++) {
            if (!args[k].startsWith("--") || k + 1 >= args.length) {
                System.err.println("error: expected --name value pairs, got '" + args[k] + "'");
                System.exit(2);
            }
            a.put(args[k].substring(2), args[++k]);
        }
        Options o = new Options(List.of(a.getOrDefault("datasets", "amazon-sports,shop").split(",")),
                Integer.parseInt(a.getOrDefault("items", "100000")),
                Integer.parseInt(a.getOrDefault("customers", "500000")),
                Double.parseDouble(a.getOrDefault("sessions", "1.46")),
                Integer.parseInt(a.getOrDefault("rank", "64")),
                Integer.parseInt(a.getOrDefault("iterations", "15")),
                Double.parseDouble(a.getOrDefault("reg", "0.05")),
                Double.parseDouble(a.getOrDefault("spark-reg", a.getOrDefault("reg", "0.05"))),
                Double.parseDouble(a.getOrDefault("alpha", "10")),
                Integer.parseInt(a.getOrDefault("cg-steps", "3")),
                Integer.parseInt(a.getOrDefault("lowrank", Integer.toString(AlsConfig.DEFAULT_LOW_RANK))),
                Integer.parseInt(a.getOrDefault("max-users", "20000")),
                a.getOrDefault("split", "loo"),
                List.of(a.getOrDefault("others", "bpr:rank=64,epochs=20;ease:lambda=300").split(";")));
        try {
            run(o);
        } catch (TailorException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    private record Options(List<String> datasets, int items, int customers, double sessions, int rank,
            int iterations, double reg, double sparkReg, double alpha, int cgSteps, int lowRank, int maxUsers,
            String split,
            List<String> others) {
    }

    /** One table row. {@code perIteration} is NaN for models without iterations (EASE). */
    private record Row(String dataset, String model, Measure.Result train, double perIteration, MeanCi ndcg,
            MeanCi recall, int users) {
    }

    private static void run(Options o) {
        SparkSession spark = SparkSession.builder().master("local[*]").appName("tailor-als-vs-spark")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(Runtime.getRuntime().availableProcessors()))
                .getOrCreate();
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            for (String name : o.datasets()) {
                runDataset(spark, name.strip(), o, rows, notes);
            }
        } finally {
            spark.stop();
        }
        print(o, rows, notes);
    }

    private static void runDataset(SparkSession spark, String name, Options o, List<Row> rows, List<String> notes) {
        Measure load = Measure.start();
        Snapshot data;
        String label;
        if (name.equals("shop")) {
            SampleShopConfig config = SampleShopConfig.builder().items(o.items()).customers(o.customers())
                    .meanSessionsPerCustomer(o.sessions()).build();
            SnapshotBuilder builder = new SnapshotBuilder("sample-shop");
            GenerationSummary gen = new SampleShopGenerator(config).writeTo(builder);
            data = builder.build();
            label = String.format(Locale.ROOT, "sample shop (%,d items, %,d customers)", gen.items(), gen.customers());
        } else {
            data = Datasets.load(name);
            label = name;
        }
        Split split = SplitSpec.parse(o.split(), 42).apply(data);
        int testUsers = split.testUserCount();
        if (o.maxUsers() > 0 && testUsers > o.maxUsers()) {
            split = sampleTestUsers(split, o.maxUsers());
        }
        EvalData eval = EvalData.prepare(split, DataFilters.NONE,
                EvalConfig.defaults().withKs(10).withThreads(0).withBootstrap(0));
        Snapshot train = split.train();
        String note = String.format(Locale.ROOT, "%s: %,d users, %,d items, %,d events; split '%s': %,d training "
                + "events, %,d test users, %,d scored; loaded and split in %.1f s; live heap with data and split "
                + "%,.0f MB", label, data.numUsers(), data.numItems(), data.interactions().size(), o.split(),
                train.interactions().size(), testUsers, eval.userCount(), load.read().wall(), Measure.liveHeapMb());
        System.err.println(note);
        notes.add(note);
        // Only the split's parts are needed from here on; dropping the full snapshot frees its events.
        data = null;

        AlsConfig config = AlsConfig.from(Algorithms.parse(String.format(Locale.ROOT,
                "als:rank=%d,iterations=%d,reg=%s,alpha=%s,cg-steps=%d,lowrank=%d", o.rank(), o.iterations(),
                o.reg(), o.alpha(), o.cgSteps(), o.lowRank())).values());

        // Tailor
        List<Epoch> epochs = new ArrayList<>();
        Measure m = Measure.start();
        AlsModel tailor = new AlsTrainer(config, epochs::add).train(train);
        Measure.Result t = m.read();
        double iterSeconds = 0;
        for (Epoch e : epochs) {
            iterSeconds += e.seconds();
        }
        notes.add(String.format(Locale.ROOT, "%s: Tailor ALS iterations alone (its own clock): %.2f s per iteration"
                + " on average, %.1f s in all; the rest of its %.1f s is building the matrix from the events and "
                + "the model", label, iterSeconds / epochs.size(), iterSeconds, t.wall()));
        ModelResult tr = score(tailor, eval, "tailor-als", config.toString(), t);
        String solver = "CG, " + o.cgSteps() + " steps"
                + (o.lowRank() > 0 ? "; rows of <= " + o.lowRank() + " events low-rank" : "");
        rows.add(row(label, "Tailor ALS (" + solver + ")", t, t.wall() / o.iterations(), tr, eval));
        // Released before Spark's phase, whose peak heap would otherwise include Tailor's factors.
        tailor = null;

        // Spark, on the same matrix
        CsrMatrix matrix = Training.matrix(train, config.events(), AlsConfig.NAME);
        SparkAls sparkAls = new SparkAls(spark);
        Dataset<org.apache.spark.sql.Row> frame = sparkAls.frame(matrix);
        m = Measure.start();
        ALSModel sm = sparkAls.fit(frame, o.rank(), o.iterations(), o.sparkReg(), o.alpha(), config.seed());
        Measure.Result s = m.read();
        AlsModel sparkModel = asTailorModel(sm, train, matrix, config, o, s);
        sm.userFactors().unpersist();
        sm.itemFactors().unpersist();
        ModelResult sr = score(sparkModel, eval, "spark-als", "spark-mllib ALS implicit", s);
        rows.add(row(label, "Spark MLlib ALS", s, s.wall() / o.iterations(), sr, eval));
        // Released before the next models' phases, whose peak heap would otherwise include them.
        frame = null;
        sparkModel = null;

        PairedComparison c = PairedComparison.of(tr.perUser(Metric.NDCG, 0), sr.perUser(Metric.NDCG, 0), 1000, 42);
        notes.add(String.format(Locale.ROOT, "%s: speed ratio Spark / Tailor training wall time %.1fx (CPU %.1fx);"
                + " NDCG@10 Tailor - Spark %+.4f, bootstrap 95%% CI [%+.4f, %+.4f], t-test p = %.2g, Wilcoxon "
                + "p = %.2g", label, s.wall() / t.wall(), s.cpu() / t.cpu(), c.meanDiff(), c.bootLow(), c.bootHigh(),
                c.tP(), c.wilcoxonP()));

        for (String spec : o.others()) {
            if (spec.isBlank()) {
                continue;
            }
            TrainerSpec trainer = Algorithms.parse(spec.strip());
            m = Measure.start();
            RecommenderModel model;
            try {
                model = trainer.train(train);
            } catch (TailorException e) {
                notes.add(label + ": " + trainer.label() + " not trained: " + e.getMessage());
                continue;
            }
            Measure.Result r = m.read();
            double perIteration = trainer.algorithm().equals("bpr")
                    ? r.wall() / trainer.values().integer("epochs") : Double.NaN;
            rows.add(row(label, trainer.label(), r, perIteration, score(model, eval, trainer.label(),
                    trainer.spec(), r), eval));
        }
    }

    private static AlsModel asTailorModel(ALSModel sm, Snapshot train, CsrMatrix matrix, AlsConfig config,
            Options o, Measure.Result s) {
        float[] users = SparkAls.table(sm.userFactors(), matrix.rows(), o.rank());
        float[] items = SparkAls.table(sm.itemFactors(), matrix.cols(), o.rank());
        int[] history = new int[train.numUsers()];
        for (int u = 0; u < history.length; u++) {
            history[u] = train.interactions().count(u);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("rank", Integer.toString(o.rank()));
        params.put("maxIter", Integer.toString(o.iterations()));
        params.put("regParam", Double.toString(o.sparkReg()));
        params.put("alpha", Double.toString(o.alpha()));
        params.put("implicitPrefs", "true");
        // recency 1 and unchanged histories: the evaluator scores Spark's own user factors, no fold-in.
        return new AlsModel(o.rank(), users, items, history, Training.fallbackScores(Training.userCounts(matrix)),
                (float) config.alpha(), (float) config.reg(), 1f,
                new Provenance("spark-als", params, config.seed(), train.fingerprint(), Instant.now(),
                        (long) (s.wall() * 1000)));
    }

    private static ModelResult score(RecommenderModel model, EvalData eval, String label, String spec,
            Measure.Result train) {
        return Evaluator.evaluate(model, eval, label, spec, (long) (train.wall() * 1000), ProgressListener.NONE);
    }

    private static Row row(String dataset, String model, Measure.Result train, double perIteration, ModelResult r,
            EvalData eval) {
        Row row = new Row(dataset, model, train, perIteration, MeanCi.of(r.perUser(Metric.NDCG, 0)),
                MeanCi.of(r.perUser(Metric.RECALL, 0)), eval.userCount());
        System.err.println(line(row));
        return row;
    }

    private static void print(Options o, List<Row> rows, List<String> notes) {
        System.out.printf(Locale.ROOT, "%nrank %d, %d iterations, Tailor reg %s, Spark regParam %s, alpha %s; "
                + "JVM -Xmx %,.0f MB, %d processors, Java %s, load average at the end %.2f%n", o.rank(),
                o.iterations(), o.reg(), o.sparkReg(), o.alpha(), Runtime.getRuntime().maxMemory() / 1048576.0,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (String n : notes) {
            System.out.println("- " + n);
        }
        System.out.println();
        System.out.println("| dataset | model | train s (wall) | train s (CPU) | s / iteration (wall) | peak heap MB "
                + "| NDCG@10 | Recall@10 | users scored |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            System.out.println(line(r));
        }
    }

    private static String line(Row r) {
        return String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %s | %,.0f | %.4f ± %.4f | %.4f ± %.4f | %,d |",
                r.dataset(), r.model(), r.train().wall(), r.train().cpu(),
                Double.isNaN(r.perIteration()) ? "—" : String.format(Locale.ROOT, "%.2f", r.perIteration()),
                r.train().peakHeapMb(), r.ndcg().mean(), r.ndcg().halfWidth(), r.recall().mean(),
                r.recall().halfWidth(), r.users());
    }

    /** The test events of every (test users / n)-th test user: deterministic and spread over the id range. */
    static Split sampleTestUsers(Split split, int n) {
        Interactions test = split.test().interactions();
        boolean[] keep = new boolean[test.numUsers()];
        double step = (double) split.testUserCount() / n;
        int seen = 0;
        int kept = 0;
        double next = 0;
        for (int u = 0; u < test.numUsers() && kept < n; u++) {
            if (test.count(u) > 0) {
                if (seen >= next) {
                    keep[u] = true;
                    kept++;
                    next += step;
                }
                seen++;
            }
        }
        Snapshot sampled = split.test().withInteractions(split.test().name() + "@" + n,
                test.filter((u, k) -> keep[u]));
        return new Split(split.train(), split.validation(), sampled, split.description() + ", " + n + " test users");
    }
}
