// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.tailor.text.bench.ChineseTitles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the time of encoding Chinese titles goes: the tokenizer alone (its CPU time on the calling thread) against
 * the whole {@link OnnxTextEncoder#encode} (process CPU time, ONNX Runtime's pool threads included), for a few
 * encoder layouts. Not a test; run with the test classpath (see bench/text-encoders.sh):
 * {@code java -cp ... dev.tailor.text.encoder.EncoderProfile [items=1000] [reps=3] [layouts=8:2x1,32:1x1]} (batch
 * size : intra-op threads x parallel batches).
 */
public final class EncoderProfile {
    private EncoderProfile() {
    }

    public static void main(String[] args) {
        int items = 1000;
        int reps = 3;
        String[] layouts = {"8:2x1", "8:1x1", "16:1x1", "32:1x1", "8:1x2"};
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "items" -> items = Integer.parseInt(kv[1]);
                case "reps" -> reps = Integer.parseInt(kv[1]);
                case "layouts" -> layouts = kv[1].split(",");
                default -> throw new IllegalArgumentException("expected items=N, reps=N or layouts=B:IxP,... got '"
                        + arg + "'");
            }
        }
        List<String> titles = ChineseTitles.generate(items, 42).stream().map(ChineseTitles.Title::text).toList();
        ModelSpec spec = PretrainedModels.BGE_SMALL_ZH_V15_Q;
        String[] array = titles.toArray(new String[0]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        HuggingFaceTokenizer tokenizer = tokenizer(spec);
        tokenizer.batchEncode(array);
        long best = Long.MAX_VALUE;
        long tokens = 0;
        for (int r = 0; r < reps; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            Encoding[] e = tokenizer.batchEncode(array);
            best = Math.min(best, threads.getCurrentThreadCpuTime() - c0);
            tokens = 0;
            for (Encoding x : e) {
                tokens += x.getIds().length;
            }
        }
        tokenizer.close();
        System.out.printf(Locale.ROOT, "# %d cores, load %.2f; %d titles, %.1f tokens each on average%n",
                Runtime.getRuntime().availableProcessors(), load(), items, (double) tokens / items);
        System.out.printf(Locale.ROOT, "tokenizer (DJL batchEncode): %.3f ms CPU per title (%.0f titles per CPU-s)%n",
                best / 1e6 / items, items / (best / 1e9));

        for (String layout : layouts) {
            String[] p = layout.split("[:x]");
            EncoderConfig config = EncoderConfig.defaults().withBatchSize(Integer.parseInt(p[0]))
                    .withThreads(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            try (OnnxTextEncoder enc = OnnxTextEncoder.open(spec, config)) {
                enc.encode(titles.subList(0, Math.min(64, titles.size())));
                double bestCpu = Double.MAX_VALUE;
                double bestWall = Double.MAX_VALUE;
                for (int r = 0; r < reps; r++) {
                    long c0 = processCpu();
                    long t0 = System.nanoTime();
                    enc.encode(titles);
                    bestWall = Math.min(bestWall, (System.nanoTime() - t0) / 1e9);
                    bestCpu = Math.min(bestCpu, (processCpu() - c0) / 1e9);
                }
                System.out.printf(Locale.ROOT, "encode batch %s, %s intra-op x parallel: %.3f ms CPU per title "
                        + "(%.0f titles per CPU-s; tokenizer %.0f%% of it), %.0f titles/s wall, load %.2f%n", p[0],
                        p[1] + "x" + p[2], bestCpu * 1e3 / items, items / bestCpu,
                        100.0 * (best / 1e9) / bestCpu, items / bestWall, load());
            }
        }
    }

    static HuggingFaceTokenizer tokenizer(ModelSpec spec) {
        DjlOffline.ensure();
        byte[] json = TokenizerJson.withLowercase(spec, ModelResources.read(spec, spec.tokenizerResource()));
        try (java.io.InputStream in = new java.io.ByteArrayInputStream(json)) {
            return HuggingFaceTokenizer.newInstance(in, Map.of("addSpecialTokens", "true", "truncation", "true",
                    "maxLength", Integer.toString(spec.maxTokens()), "padding", "false"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0L;
    }
}
