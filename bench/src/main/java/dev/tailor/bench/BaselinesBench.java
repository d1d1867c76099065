// SPDX-License-Identifier: Apache-2.0
package dev.tailor.bench;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
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
import dev.tailor.io.importer.Datasets;
import dev.tailor.io.sampleshop.GenerationSummary;
import dev.tailor.io.sampleshop.SampleShopConfig;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Training time and evaluation throughput of the baselines. For each dataset: leave-last-out split, then per
 * model train on the training part and score the test users with full ranking at K = 10 (the harness's
 * {@link Evaluator}: candidate scoring, history masking, top-k and metrics). Prints one table row per model, as
 * the rows finish, then the whole table. Run it through {@code bench/baselines.sh}.
 *
 * <p>Wall and process CPU seconds are both reported: on a shared machine wall time depends on the neighbours,
 * CPU time much less so. Evaluation can be capped to a deterministic sample of test users
 * ({@code --max-users}); throughput is then measured on that sample.
 */
public final class BaselinesBench {
    private static final String ALL = "random,pop,trending,segment-pop,item-knn,user-knn";

    private BaselinesBench() {
    }

    public static void main(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int k = 0; k + 1 < args.length; k += 2) {
            a.put(args[k].replaceFirst("^--", ""), args[k + 1]);
        }
        List<String> datasets = List.of(a.getOrDefault("datasets", "amazon-sports,shop").split(","));
        List<String> models = List.of(a.getOrDefault("models", ALL).split(","));
        int items = Integer.parseInt(a.getOrDefault("items", "100000"));
        int customers = Integer.parseInt(a.getOrDefault("customers", "1000000"));
        double sessions = Double.parseDouble(a.getOrDefault("sessions", "1.46"));
        int maxUsers = Integer.parseInt(a.getOrDefault("max-users", "0"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "0"));

        List<String[]> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String name : datasets) {
            Heap.resetPeak();
            Clock load = Clock.start();
            Snapshot data;
            String label;
            if (name.strip().equals("shop")) {
                SampleShopConfig config = SampleShopConfig.builder().items(items).customers(customers)
                        .meanSessionsPerCustomer(sessions).build();
                SnapshotBuilder builder = new SnapshotBuilder("sample-shop");
                GenerationSummary gen = new SampleShopGenerator(config).writeTo(builder);
                data = builder.build();
                label = String.format(Locale.ROOT, "sample shop %,d items, %,d customers", gen.items(),
                        gen.customers());
            } else {
                data = Datasets.load(name.strip());
                label = name.strip();
            }
            Split split = SplitSpec.parse("loo", 42).apply(data);
            int testUsers = split.testUserCount();
            if (maxUsers > 0 && testUsers > maxUsers) {
                split = sampleTestUsers(split, maxUsers);
            }
            EvalConfig config = EvalConfig.defaults().withKs(10).withThreads(threads).withBootstrap(0);
            EvalData eval = EvalData.prepare(split, DataFilters.NONE, config);
            Times loaded = load.stop();
            String note = String.format(Locale.ROOT, "%s: %,d users, %,d items, %,d events; loo train %,d events;"
                    + " %,d test users, %,d evaluated; loaded and split in %.1f s wall / %.1f s CPU; peak heap %,.0f MB",
                    label, data.numUsers(), data.numItems(), data.interactions().size(),
                    split.train().interactions().size(), testUsers, eval.userCount(), loaded.wall(), loaded.cpu(),
                    Heap.mb(Heap.peakBytes()));
            notes.add(note);
            System.err.println(note);
            // Only the split's parts are needed from here on; dropping the full snapshot frees its events.
            data = null;
            for (String spec : models) {
                rows.add(run(label, spec.strip(), split, eval));
            }
        }

        System.out.printf(Locale.ROOT, "%nJVM -Xmx %,.0f MB, %d processors, scoring threads %s, Java %s%n",
                Heap.mb(Runtime.getRuntime().maxMemory()), Runtime.getRuntime().availableProcessors(),
                threads == 0 ? "all" : Integer.toString(threads), System.getProperty("java.version"));
        for (String n : notes) {
            System.out.println("- " + n);
        }
        System.out.println();
        System.out.println(header());
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String[] r : rows) {
            System.out.println(line(r));
        }
    }

    private static String[] run(String dataset, String spec, Split split, EvalData eval) {
        TrainerSpec trainer = Algorithms.parse(spec);
        Heap.resetPeak();
        Clock clock = Clock.start();
        RecommenderModel model = trainer.train(split.train());
        Times train = clock.stop();
        clock = Clock.start();
        ModelResult r = Evaluator.evaluate(model, eval, trainer.label(), trainer.spec(), (long) (train.wall() * 1000),
                ProgressListener.NONE);
        Times score = clock.stop();
        String[] row = {dataset, trainer.label(), seconds(train.wall()), seconds(train.cpu()), seconds(score.wall()),
            seconds(score.cpu()), String.format(Locale.ROOT, "%,.0f", eval.userCount() / score.wall()),
            fmt(MeanCi.of(r.perUser(Metric.NDCG, 0)).mean()), fmt(MeanCi.of(r.perUser(Metric.HIT, 0)).mean()),
            String.format(Locale.ROOT, "%,.0f", Heap.mb(Heap.peakBytes()))};
        System.err.println(header());
        System.err.println(line(row));
        return row;
    }

    /** The test events of a deterministic sample of {@code n} users; everything else unchanged. */
    static Split sampleTestUsers(Split split, int n) {
        Interactions test = split.test().interactions();
        boolean[] keep = new boolean[test.numUsers()];
        int withTest = split.testUserCount();
        // Every (withTest / n)-th user with test events: deterministic and spread over the id range.
        double step = (double) withTest / n;
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

    private static String header() {
        return "| dataset | model | train s (wall) | train s (CPU) | eval s (wall) | eval s (CPU) | users/s (wall) "
                + "| NDCG@10 | HR@10 | peak heap MB |";
    }

    private static String line(String[] r) {
        return "| " + String.join(" | ", r) + " |";
    }

    private static String seconds(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Seconds of one phase: wall clock and CPU of the whole process (all threads, GC included). */
    private record Times(double wall, double cpu) {
    }

    /** Starts at construction; {@link #stop} reads both clocks. */
    private static final class Clock {
        private final long wall0 = System.nanoTime();
        private final long cpu0 = cpuNanos();

        static Clock start() {
            return new Clock();
        }

        Times stop() {
            return new Times((System.nanoTime() - wall0) / 1e9, (cpuNanos() - cpu0) / 1e9);
        }

        private static long cpuNanos() {
            if (ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getProcessCpuTime();
            }
            return 0;
        }
    }
}
