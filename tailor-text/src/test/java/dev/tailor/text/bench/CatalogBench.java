// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.bench;

import dev.tailor.core.model.TopK;
import dev.tailor.core.testing.SharedData;
import dev.tailor.text.encoder.EncoderConfig;
import dev.tailor.text.encoder.OnnxTextEncoder;
import dev.tailor.text.encoder.PretrainedModels;
import dev.tailor.text.encoder.Vectors;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Encodes every Amazon Scientific item text (title. categories. brand.) once, reports the time, and prints the
 * nearest neighbours of a few items as a sanity check. Arguments: {@code model=<id>} (default
 * all-minilm-l6-v2-q), {@code batch=32}, {@code threads=2x1}, {@code probes=100,1500,3000} (item positions).
 */
public final class CatalogBench {
    private CatalogBench() {
    }

    public static void main(String[] args) {
        String model = PretrainedModels.ALL_MINILM_L6_V2_Q.id();
        int batch = EncoderConfig.DEFAULT_BATCH_SIZE;
        String threads = "2x1";
        int[] probes = {100, 1500, 3000};
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "model" -> model = kv[1];
                case "batch" -> batch = Integer.parseInt(kv[1]);
                case "threads" -> threads = kv[1];
                case "probes" -> probes = java.util.Arrays.stream(kv[1].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option '" + arg
                        + "'; expected model=, batch=, threads= or probes=");
            }
        }
        Path file = SharedData.root().resolve("amazon-scientific/Scientific.text");
        List<ScientificTexts.Item> items = ScientificTexts.read(file);
        List<String> texts = items.stream().map(ScientificTexts.Item::text).toList();
        String[] ip = threads.split("x");
        EncoderConfig config = EncoderConfig.defaults().withBatchSize(batch)
                .withThreads(Integer.parseInt(ip[0]), Integer.parseInt(ip[1]));
        long open0 = System.nanoTime();
        try (OnnxTextEncoder encoder = OnnxTextEncoder.open(PretrainedModels.byId(model), config)) {
            long t0 = System.nanoTime();
            long cpu0 = EncoderBench.processCpuNanos();
            List<float[]> vectors = encoder.encode(texts);
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (EncoderBench.processCpuNanos() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "# %s, %s: model load %.2f s; encoded %d item texts (mean %.0f chars) in"
                    + " %.1f s = %.0f items/s (%.1f CPU-s; load average %.2f)%n", encoder.modelId(), config,
                    (t0 - open0) / 1e9, texts.size(), EncoderBench.meanLength(texts), secs, texts.size() / secs, cpu,
                    EncoderBench.loadAverage());
            float[] scores = new float[vectors.size()];
            for (int probe : probes) {
                float[] q = vectors.get(probe);
                for (int j = 0; j < scores.length; j++) {
                    scores[j] = (float) Vectors.dot(q, vectors.get(j));
                }
                BitSet self = new BitSet();
                self.set(probe);
                System.out.printf("%nitem %d %s: %s%n", probe, items.get(probe).asin(),
                        ScientificTexts.title(texts.get(probe)));
                for (int j : TopK.select(scores, 5, self)) {
                    System.out.printf(Locale.ROOT, "  %.3f  %s%n", scores[j], ScientificTexts.title(texts.get(j)));
                }
            }
        }
    }
}
