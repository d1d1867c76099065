// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.bench;

import dev.tailor.core.model.TopK;
import dev.tailor.core.testing.SharedData;
import dev.tailor.text.encoder.EncoderConfig;
import dev.tailor.text.encoder.ModelSpec;
import dev.tailor.text.encoder.OnnxTextEncoder;
import dev.tailor.text.encoder.PretrainedModels;
import dev.tailor.text.encoder.Vectors;
import dev.tailor.text.lang.Language;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Encodes a whole catalog once, reports the time, and prints the nearest neighbours of a few items as a sanity
 * check. English models read every Amazon Scientific item text (title. categories. brand.); the Chinese model
 * reads 1,000 generated titles and also reports how often an item's nearest neighbour is from its own category.
 * Arguments: {@code model=<id>} (default all-minilm-l6-v2-q), {@code batch=8}, {@code threads=2x1}
 * (intra-op x parallel; default {@link EncoderConfig#defaults()}), {@code probes=100,1500,3000} (item positions).
 */
public final class CatalogBench {
    private CatalogBench() {
    }

    public static void main(String[] args) {
        String model = PretrainedModels.ALL_MINILM_L6_V2_Q.id();
        EncoderConfig config = EncoderConfig.defaults();
        int[] probes = {100, 1500, 3000};
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "model" -> model = kv[1];
                case "batch" -> config = config.withBatchSize(Integer.parseInt(kv[1]));
                case "threads" -> {
                    String[] ip = kv[1].split("x");
                    config = config.withThreads(Integer.parseInt(ip[0]), Integer.parseInt(ip[1]));
                }
                case "probes" -> probes = Arrays.stream(kv[1].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option '" + arg
                        + "'; expected model=, batch=, threads= or probes=");
            }
        }
        ModelSpec spec = PretrainedModels.byId(model);
        List<String> texts;
        List<String> categories;
        if (spec.language() == Language.CHINESE) {
            List<ChineseTitles.Title> titles = ChineseTitles.generate(1000, 7);
            texts = titles.stream().map(ChineseTitles.Title::text).toList();
            categories = titles.stream().map(ChineseTitles.Title::category).toList();
        } else {
            texts = ScientificTexts.read(SharedData.root().resolve("amazon-scientific/Scientific.text")).stream()
                    .map(ScientificTexts.Item::text).toList();
            categories = List.of();
        }
        long open0 = System.nanoTime();
        try (OnnxTextEncoder encoder = OnnxTextEncoder.open(spec, config)) {
            long t0 = System.nanoTime();
            long cpu0 = EncoderBench.processCpuNanos();
            List<float[]> vectors = encoder.encode(texts);
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (EncoderBench.processCpuNanos() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "# %s, %s: model load %.2f s; encoded %d texts (mean %.0f chars) in"
                    + " %.1f s = %.0f items/s; %.1f CPU-s = %.0f items/CPU-s; load average %.2f%n", encoder.modelId(),
                    config, (t0 - open0) / 1e9, texts.size(), EncoderBench.meanLength(texts), secs,
                    texts.size() / secs, cpu, texts.size() / cpu, EncoderBench.loadAverage());
            float[] scores = new float[vectors.size()];
            int sameCategory = 0;
            BitSet probed = new BitSet();
            Arrays.stream(probes).forEach(probed::set);
            for (int i = 0; i < vectors.size(); i++) {
                int[] top = neighbours(vectors, i, scores, 5);
                if (!categories.isEmpty() && top.length > 0 && categories.get(top[0]).equals(categories.get(i))) {
                    sameCategory++;
                }
                if (probed.get(i)) {
                    System.out.printf("%nitem %d: %s%n", i, ScientificTexts.title(texts.get(i)));
                    for (int j : top) {
                        System.out.printf(Locale.ROOT, "  %.3f  %s%n", scores[j], ScientificTexts.title(texts.get(j)));
                    }
                }
            }
            if (!categories.isEmpty()) {
                System.out.printf(Locale.ROOT, "%nnearest neighbour from the same category: %d of %d (%.1f%%)%n",
                        sameCategory, vectors.size(), 100.0 * sameCategory / vectors.size());
            }
        }
    }

    /** The {@code k} items most similar to item {@code i}, best first; {@code scores} receives all similarities. */
    private static int[] neighbours(List<float[]> vectors, int i, float[] scores, int k) {
        float[] q = vectors.get(i);
        for (int j = 0; j < scores.length; j++) {
            scores[j] = (float) Vectors.dot(q, vectors.get(j));
        }
        BitSet self = new BitSet();
        self.set(i);
        return TopK.select(scores, k, self);
    }
}
