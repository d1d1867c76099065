// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.bench;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.eval.harness.Comparison;
import dev.tailor.eval.harness.Experiment;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.harness.Protocols;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.report.ConsoleTable;
import dev.tailor.eval.split.DataFilters;
import dev.tailor.eval.split.Split;
import dev.tailor.io.importer.Datasets;
import dev.tailor.sequential.SequentialModels;
import dev.tailor.sequential.gru.GruConfig;
import dev.tailor.sequential.gru.GruTrainer;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.sasrec.SasRecConfig;
import dev.tailor.sequential.sasrec.SasRecTrainer;
import dev.tailor.sequential.train.LearningCurve;
import dev.tailor.sequential.train.TrainConfig;
import dev.tailor.sequential.train.ItemInit;
import dev.tailor.sequential.train.TrainingLoop;
import dev.tailor.text.cache.CachingTextEncoder;
import dev.tailor.text.cache.FileEmbeddingCache;
import dev.tailor.text.encoder.OnnxTextEncoder;
import dev.tailor.text.encoder.PretrainedModels;
import dev.tailor.text.twotower.ItemTexts;
import dev.tailor.text.twotower.ItemVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Trains a sequential model under the harness's {@code loo} protocol (early stopping on the validation part)
 * and evaluates it on test next to other models with the harness's paired significance tests.
 * <pre>
 *   SequentialQuality DATASET [key=value...] [SPEC...]
 *     keys: model (sasrec | gru) dim blocks heads dropout negatives (0 = full softmax) lr batch epochs patience maxlen threads vusers
 *           seed (default 42)
 *           out (folder for curve.csv / curve.png / model file)
 *           textinit (a tailor-text model id, e.g. all-minilm-l6-v2-q: item embeddings start from the PCA of the
 *           item texts' vectors; cache = the embedding cache file, default target/embedding-cache.bin)
 *           baseline (a saved .tlsq model trained on the same split, e.g. the random-init run: compared pairwise)
 *     SPEC: any registry spec to compare against, e.g. ease:lambda=300 or item-knn:...
 * </pre>
 */
public final class SequentialQuality {
    private SequentialQuality() {
    }

    /** Vectors of every item's text ({@code ItemTexts.of}), encoded once; the file cache makes reruns free. */
    private static ItemVectors itemVectors(Snapshot data, String modelName, Path cacheFile) {
        String[] texts = ItemTexts.of(data.itemFeatures());
        FileEmbeddingCache cache = FileEmbeddingCache.open(cacheFile);
        long t0 = System.nanoTime();
        try (OnnxTextEncoder enc = OnnxTextEncoder.open(PretrainedModels.byId(modelName))) {
            CachingTextEncoder caching = new CachingTextEncoder(enc, enc.modelId(), cache);
            ItemVectors v = ItemVectors.encode(enc.modelId(), texts, caching, 256, ItemVectors.Progress.NONE);
            cache.flush();
            System.out.printf(Locale.ROOT, "item vectors: %s, %d x %d, %d from cache, %d encoded, %.1f s%n",
                    enc.modelId(), v.count(), v.dim(), caching.hits(), caching.misses(),
                    (System.nanoTime() - t0) / 1e9);
            return v;
        }
    }

    public static void main(String[] args) throws Exception {
        Snapshot data = Datasets.load(args[0]);
        Protocols protocol = Protocols.of("loo", 42);
        Split split = protocol.split().apply(data);
        Map<String, String> kv = new HashMap<>();
        List<String> specs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq > 0 && !args[i].contains(":")) {
                kv.put(args[i].substring(0, eq), args[i].substring(eq + 1));
            } else {
                specs.add(args[i]);
            }
        }
        TrainConfig tc = TrainConfig.defaults()
                .withMaxLength(Integer.parseInt(kv.getOrDefault("maxlen", "50")))
                .withNegatives(Integer.parseInt(kv.getOrDefault("negatives", "1024")))
                .withLearningRate(Float.parseFloat(kv.getOrDefault("lr", "0.001")))
                .withBatchSize(Integer.parseInt(kv.getOrDefault("batch", "128")))
                .withEpochs(Integer.parseInt(kv.getOrDefault("epochs", "200")),
                        Integer.parseInt(kv.getOrDefault("patience", "5")))
                .withThreads(Integer.parseInt(kv.getOrDefault("threads", "0")))
                .withValidationUsers(Integer.parseInt(kv.getOrDefault("vusers", "10000")))
                .withSeed(Long.parseLong(kv.getOrDefault("seed", "42")));
        SasRecConfig cfg = SasRecConfig.defaults().withTrain(tc).withArchitecture(
                Integer.parseInt(kv.getOrDefault("dim", "64")), Integer.parseInt(kv.getOrDefault("blocks", "2")),
                Integer.parseInt(kv.getOrDefault("heads", "1")), Float.parseFloat(kv.getOrDefault("dropout", "0.5")));
        System.out.printf(Locale.ROOT, "%s under loo: train %s; %s%n", args[0], split.train(), cfg);
        long t0 = System.nanoTime();
        TrainingLoop.EpochListener print = e -> System.out.printf(Locale.ROOT,
                "epoch %d loss %.4f valid NDCG@10 %.4f HR@10 %.4f %.1f s wall %.1f s CPU%n", e.epoch(), e.trainLoss(),
                e.validNdcg10(), e.validHit10(), e.wallSeconds(), e.cpuSeconds());
        Snapshot valid = split.validation().orElseThrow();
        Optional<ItemInit> init = Optional.empty();
        if (kv.containsKey("textinit")) {
            ItemVectors v = itemVectors(data, kv.get("textinit"),
                    Path.of(kv.getOrDefault("cache", "target/embedding-cache.bin")));
            init = Optional.of(new ItemInit(v.toArray(), v.dim()));
            t0 = System.nanoTime();
        }
        GruTrainer gru = new GruTrainer(new GruConfig(cfg.dim(), cfg.dropout(), tc), print);
        SasRecTrainer sasrec = new SasRecTrainer(cfg, print);
        if (init.isPresent()) {
            gru = gru.withItemInit(init.get());
            sasrec = sasrec.withItemInit(init.get());
        }
        SequentialModel model = kv.getOrDefault("model", "sasrec").equals("gru")
                ? gru.train(split.train(), valid)
                : sasrec.train(split.train(), valid);
        double trainS = (System.nanoTime() - t0) / 1e9;
        double cpu = model.trainingLog().stream().mapToDouble(e -> e.cpuSeconds()).sum();
        System.out.printf(Locale.ROOT, "trained %s in %.1f s wall, %.1f s CPU over %d epochs; provenance %s%n",
                model.name(), trainS, cpu, model.trainingLog().size(), model.provenance().config());
        Path out = Path.of(kv.getOrDefault("out", "target/seq-" + args[0]));
        Files.createDirectories(out);
        LearningCurve.writeCsv(model.trainingLog(), out.resolve("curve.csv"));
        LearningCurve.writePng(model.trainingLog(), out.resolve("curve.png"));
        SequentialModels.save(model, out.resolve(model.name() + ".tlsq"));
        List<ModelSpec> models = new ArrayList<>();
        String label = model.name() + (init.isPresent() ? "+textinit" : "");
        models.add(new ModelSpec(label, model.provenance().config().toString(), s -> model));
        if (kv.containsKey("baseline")) {
            SequentialModel base = SequentialModels.load(Path.of(kv.get("baseline")));
            models.add(new ModelSpec(base.name() + "-baseline", base.provenance().config().toString(), s -> base));
        }
        for (String spec : specs) {
            models.add(ModelSpec.of(Algorithms.parse(spec)));
        }
        ExperimentResult r = Experiment.run(split, DataFilters.NONE, models, protocol.config(), ProgressListener.NONE);
        System.out.println(ConsoleTable.render(r));
        for (Comparison c : r.comparisons()) {
            if (c.metric() == Metric.NDCG && c.k() == 10 || c.metric() == Metric.HIT && c.k() == 10) {
                System.out.printf(Locale.ROOT, "%s vs %s %s@10: diff %+.4f, t p=%.2g, Wilcoxon p=%.2g, significant %s%n",
                        c.a(), c.b(), c.metric(), c.stats().meanDiff(), c.stats().tP(), c.stats().wilcoxonP(),
                        c.stats().significant(0.05));
            }
        }
        for (var m : r.models()) {
            System.out.printf(Locale.ROOT, "%s: train %d ms, eval %d ms%n", m.label(), m.trainMillis(), m.evalMillis());
        }
    }
}
