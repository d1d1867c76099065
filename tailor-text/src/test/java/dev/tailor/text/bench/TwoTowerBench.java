// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.bench;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.Trainer;
import dev.tailor.eval.coldstart.ColdItems;
import dev.tailor.eval.coldstart.NewCustomers;
import dev.tailor.eval.harness.Comparison;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.EvalData;
import dev.tailor.eval.harness.Experiment;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.harness.Protocols;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.split.DataFilters;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.stats.MeanCi;
import dev.tailor.io.importer.Datasets;
import dev.tailor.text.cache.CachingTextEncoder;
import dev.tailor.text.cache.FileEmbeddingCache;
import dev.tailor.text.encoder.OnnxTextEncoder;
import dev.tailor.text.encoder.PretrainedModels;
import dev.tailor.text.twotower.Adapter;
import dev.tailor.text.twotower.ItemTexts;
import dev.tailor.text.twotower.ItemVectors;
import dev.tailor.text.twotower.LearningCurves;
import dev.tailor.text.twotower.TwoTowerConfig;
import dev.tailor.text.twotower.TwoTowerModel;
import dev.tailor.text.twotower.TwoTowerTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold-start and warm experiments for the two-tower on a dataset with item text (default Amazon Scientific):
 * <pre>
 *   protocol=cold     20% of items held out entirely, ranked among the new items (and rank=all: among all items)
 *   protocol=new      20% of customers reduced to their first known=1 items, next item ranked among all items
 *   protocol=loo      leave-last-out (the S3-Rec/UniSRec set-up), full ranking
 * </pre>
 * Arguments {@code key=value}: dataset, protocol, rank (new|all|both), known, model (encoder id), cache (vector
 * cache file), out (folder for learning curves), seed, baselines (space-separated specs), and the two-tower
 * settings hidden, activation, temperature, dropout, lr, batch, epochs, patience, history, decay, wd.
 */
public final class TwoTowerBench {
    private TwoTowerBench() {
    }

    public static void main(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
            }
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String dataset = a.getOrDefault("dataset", "amazon-scientific");
        String protocol = a.getOrDefault("protocol", "cold");
        long seed = Long.parseLong(a.getOrDefault("seed", "42"));
        Path out = Path.of(a.getOrDefault("out", "target/two-tower"));
        long t0 = System.nanoTime();
        Snapshot data = Datasets.load(dataset);
        System.out.printf(Locale.ROOT, "%s: %d users, %d items, %d events (%.1f s)%n", dataset, data.numUsers(),
                data.numItems(), data.interactions().size(), (System.nanoTime() - t0) / 1e9);
        ItemVectors vectors = encode(data, a.getOrDefault("model", "all-minilm-l6-v2-q"),
                Path.of(a.getOrDefault("cache", "target/embedding-cache.bin")));
        TwoTowerConfig cfg = config(a, seed);
        System.out.println("two-tower config: " + cfg.asMap());
        String defaultBaselines = protocol.equals("loo")
                ? "pop item-knn:k=52,sim=cosine,shrink=401,normalize=true,exponent=0.97,recency=0.71"
                        + " ease:lambda=300,recency=0.7"
                        + " als:rank=64,iterations=20,reg=0.0024,alpha=70.9,cg-steps=3,recency=0.59"
                : "pop item-knn:k=52,sim=cosine,shrink=401,normalize=true,exponent=0.97,recency=0.71";
        List<ModelSpec> models = new ArrayList<>();
        for (String spec : a.getOrDefault("baselines", defaultBaselines).trim().split("\\s+")) {
            if (!spec.isEmpty()) {
                models.add(ModelSpec.of(Algorithms.parse(spec)));
            }
        }
        models.add(new ModelSpec("text-frozen", "frozen " + vectors.modelId() + " cosine, history "
                + cfg.historyLength() + " decay " + cfg.recencyDecay(),
                new TwoTowerTrainer(vectors, TwoTowerConfig.frozen().withHistory(cfg.historyLength(),
                        cfg.recencyDecay()))));
        Keeping tuned = new Keeping(new TwoTowerTrainer(vectors, cfg, e -> System.out.printf(Locale.ROOT,
                "  epoch %2d  train loss %.4f  valid loss %.4f  recall@20 %.4f  ndcg@20 %.4f  (%.1f s)%n",
                e.epoch(), e.trainLoss(), e.validLoss(), e.validRecall20(), e.validNdcg20(), e.millis() / 1e3)));
        models.add(new ModelSpec("two-tower", "two-tower " + cfg.asMap(), tuned));
        EvalConfig eval = EvalConfig.defaults().withKs(10, 20).withSeed(seed);
        switch (protocol) {
            case "cold" -> {
                String rank = a.getOrDefault("rank", "both");
                ColdItems.Ranking[] rankings = switch (rank) {
                    case "new" -> new ColdItems.Ranking[] {ColdItems.Ranking.NEW_ITEMS};
                    case "all" -> new ColdItems.Ranking[] {ColdItems.Ranking.ALL_ITEMS};
                    default -> ColdItems.Ranking.values();
                };
                boolean byTime = a.getOrDefault("order", "random").equals("time");
                double fraction = Double.parseDouble(a.getOrDefault("fraction", "0.2"));
                // One split (same seed) for both rankings: the models are trained once per ranking.
                for (ColdItems.Ranking r : rankings) {
                    ColdItems p = new ColdItems(fraction, seed, byTime, r);
                    ColdItems.ColdSplit cs = p.split(data);
                    System.out.printf(Locale.ROOT, "%n== %s: %d new items, %d training events, %d test events%n",
                            p.spec(), cs.coldCount(), cs.split().train().interactions().size(),
                            cs.split().test().interactions().size());
                    EvalData ed = p.restrict(EvalData.prepare(cs.split(), DataFilters.NONE, eval), cs);
                    report(Experiment.run(ed, models, progress()), "two-tower");
                }
            }
            case "new" -> {
                int known = Integer.parseInt(a.getOrDefault("known", "1"));
                NewCustomers p = new NewCustomers(0.2, known, false, seed);
                Split s = p.split(data);
                System.out.printf(Locale.ROOT, "%n== %s: %d new customers%n", p.spec(), s.testUserCount());
                EvalData ed = EvalData.prepare(s, DataFilters.NONE, eval);
                report(Experiment.run(ed, models, progress()), "two-tower");
            }
            case "loo" -> {
                Protocols p = Protocols.of("loo", seed);
                Split s = p.split().apply(data);
                System.out.printf(Locale.ROOT, "%n== loo (S3-Rec/UniSRec leave-one-out): %d test users%n",
                        s.testUserCount());
                EvalData ed = EvalData.prepare(s, p.split().filters(), p.config().withKs(10, 20, 50).withSeed(seed));
                report(Experiment.run(ed, models, progress()), "two-tower");
            }
            default -> throw new IllegalArgumentException("protocol: expected cold, new or loo, got " + protocol);
        }
        tuned.last().ifPresent(m -> {
            Path csv = out.resolve(protocol + "-learning-curve.csv");
            LearningCurves.writeCsv(m.learningCurve(), csv);
            LearningCurves.writePng(m.learningCurve(), out.resolve(protocol + "-learning-curve.png"));
            System.out.println("learning curve: " + csv.toAbsolutePath() + " (+ .png); kept epoch "
                    + m.learningCurve().epochs().get(m.learningCurve().best()).epoch());
        });
        System.out.printf(Locale.ROOT, "total %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static ProgressListener progress() {
        return (stage, done, total) -> {
            if (done == 0) {
                System.out.println("  " + stage);
            }
        };
    }

    private static TwoTowerConfig config(Map<String, String> a, long seed) {
        TwoTowerConfig c = TwoTowerConfig.defaults().withSeed(seed);
        c = c.withHidden(Integer.parseInt(a.getOrDefault("hidden", Integer.toString(c.hidden()))));
        c = c.withActivation(Adapter.Activation.valueOf(a.getOrDefault("activation", c.activation().name())
                .toUpperCase(Locale.ROOT)));
        c = c.withTemperature(Float.parseFloat(a.getOrDefault("temperature", Float.toString(c.temperature()))));
        c = c.withDropout(Float.parseFloat(a.getOrDefault("dropout", Float.toString(c.dropout()))));
        c = c.withLearningRate(Float.parseFloat(a.getOrDefault("lr", Float.toString(c.learningRate()))));
        c = c.withBatchSize(Integer.parseInt(a.getOrDefault("batch", Integer.toString(c.batchSize()))));
        c = c.withMaxEpochs(Integer.parseInt(a.getOrDefault("epochs", Integer.toString(c.maxEpochs()))));
        c = c.withPatience(Integer.parseInt(a.getOrDefault("patience", Integer.toString(c.patience()))));
        c = c.withWeightDecay(Float.parseFloat(a.getOrDefault("wd", Float.toString(c.weightDecay()))));
        c = c.withHistory(Integer.parseInt(a.getOrDefault("history", Integer.toString(c.historyLength()))),
                Float.parseFloat(a.getOrDefault("decay", Float.toString(c.recencyDecay()))));
        return c;
    }

    /** Encodes every item text once; the file cache makes later runs skip the encoder entirely. */
    static ItemVectors encode(Snapshot data, String modelName, Path cacheFile) {
        String[] texts = ItemTexts.of(data.itemFeatures());
        FileEmbeddingCache cache = FileEmbeddingCache.open(cacheFile);
        long t0 = System.nanoTime();
        try (OnnxTextEncoder enc = OnnxTextEncoder.open(PretrainedModels.byId(modelName))) {
            CachingTextEncoder caching = new CachingTextEncoder(enc, enc.modelId(), cache);
            ItemVectors v = ItemVectors.encode(enc.modelId(), texts, caching, 256, (done, total) -> {
                if (done % 1024 == 0 || done == total) {
                    System.out.printf(Locale.ROOT, "  encoded %d/%d%n", done, total);
                }
            });
            cache.flush();
            System.out.printf(Locale.ROOT, "item vectors: %s, %d x %d, %d from cache, %d encoded, %.1f s%n",
                    enc.modelId(), v.count(), v.dim(), caching.hits(), caching.misses(),
                    (System.nanoTime() - t0) / 1e9);
            return v;
        }
    }

    private static void report(ExperimentResult r, String focus) {
        int[] ks = r.data().config().ks();
        System.out.printf(Locale.ROOT, "%d test users, %d rankable items%n", r.data().userCount(),
                r.data().rankableCount());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-12s", "model"));
        for (int k : ks) {
            head.append(String.format(Locale.ROOT, " %-17s %-17s", "Recall@" + k, "NDCG@" + k));
        }
        System.out.println(head + "  train s");
        for (ModelResult m : r.models()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-12s", m.label().length() > 12
                    ? m.label().substring(0, m.label().indexOf(':') < 0 ? 12 : m.label().indexOf(':')) : m.label()));
            for (int c = 0; c < ks.length; c++) {
                row.append(String.format(Locale.ROOT, " %-17s %-17s", cell(r, m, Metric.RECALL, c),
                        cell(r, m, Metric.NDCG, c)));
            }
            System.out.println(row + String.format(Locale.ROOT, "  %.1f", m.trainMillis() / 1e3));
        }
        for (Comparison c : r.comparisons()) {
            boolean involves = c.a().equals(focus) || c.b().equals(focus);
            if (involves && c.k() == 20 && (c.metric() == Metric.RECALL || c.metric() == Metric.NDCG)) {
                var s = c.stats();
                System.out.printf(Locale.ROOT, "  %s %s - %s = %+.4f [%+.4f, %+.4f]  t p=%.2g  wilcoxon p=%.2g"
                        + "  %s%n", c.metric().label(c.k()), c.a(), c.b(), s.meanDiff(), s.bootLow(),
                        s.bootHigh(), s.tP(), s.wilcoxonP(), s.significant(0.05) ? "significant" : "not significant");
            }
        }
    }

    private static String cell(ExperimentResult r, ModelResult m, Metric metric, int k) {
        MeanCi s = r.summary(m, metric, k);
        return String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.halfWidth());
    }

    /** Trains through the wrapped trainer and keeps the last model, for its learning curve. */
    private static final class Keeping implements Trainer<TwoTowerModel> {
        private final TwoTowerTrainer inner;
        private TwoTowerModel last;

        Keeping(TwoTowerTrainer inner) {
            this.inner = inner;
        }

        @Override
        public TwoTowerModel train(Snapshot training) {
            last = inner.train(training);
            return last;
        }

        java.util.Optional<TwoTowerModel> last() {
            return java.util.Optional.ofNullable(last);
        }
    }
}
