// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import dev.tailor.core.testing.SharedData;
import dev.tailor.text.encoder.EncoderConfig;
import dev.tailor.text.encoder.ModelSpec;
import dev.tailor.text.encoder.OnnxTextEncoder;
import dev.tailor.text.encoder.PretrainedModels;
import dev.tailor.text.lang.Language;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the pretrained encoders: items encoded per second for each model, batch size and thread layout,
 * on real English product titles (Amazon Scientific) and generated Chinese titles. Run through
 * {@code bench/text-encoders.sh}; arguments are {@code key=value}:
 * <ul>
 *   <li>{@code models=bge-small-zh-v1.5-q,all-minilm-l6-v2-q} (default: all shipped models)</li>
 *   <li>{@code batches=1,8,32,64}</li>
 *   <li>{@code threads=2x1,1x2} — intra-op threads x parallel batches</li>
 *   <li>{@code items=1000}, {@code reps=3}</li>
 *   <li>{@code peer=true} — also time langchain4j's own in-process class for each model (its default: one text
 *       per ONNX call, texts spread over a thread per core) on the same texts, and print our best rate over its</li>
 * </ul>
 * Besides wall-clock items/s it prints items per CPU-second of this process, which stays meaningful when other
 * processes share the machine (on an idle machine, wall rate ≈ CPU rate × cores in use).
 */
public final class EncoderBench {
    private EncoderBench() {
    }

    public static void main(String[] args) {
        List<String> models = PretrainedModels.all().stream().map(ModelSpec::id).toList();
        int[] batches = {1, 8, 32, 64};
        List<String> threads = List.of("2x1", "1x2");
        int items = 1000;
        int reps = 3;
        boolean peer = false;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
            }
            switch (kv[0]) {
                case "models" -> models = List.of(kv[1].split(","));
                case "batches" -> batches = Arrays.stream(kv[1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "threads" -> threads = List.of(kv[1].split(","));
                case "items" -> items = Integer.parseInt(kv[1]);
                case "reps" -> reps = Integer.parseInt(kv[1]);
                case "peer" -> peer = Boolean.parseBoolean(kv[1]);
                default -> throw new IllegalArgumentException("unknown option '" + kv[0]
                        + "'; expected models, batches, threads, items, reps or peer");
            }
        }
        List<String> chinese = ChineseTitles.generate(items, 42).stream().map(ChineseTitles.Title::text).toList();
        Path scientific = SharedData.root().resolve("amazon-scientific/Scientific.text");
        List<String> english = ScientificTexts.read(scientific).stream()
                .map(i -> ScientificTexts.title(i.text())).limit(items).toList();
        System.out.printf(Locale.ROOT, "# %d cores, load average %.2f, java %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "# Chinese: %d generated titles, mean %.1f chars; English: %d Scientific titles,"
                + " mean %.1f chars%n", chinese.size(), meanLength(chinese), english.size(), meanLength(english));
        System.out.println("model                 batch threads  items/s(median)  items/s(best)  items/CPU-s  load");
        for (String id : models) {
            ModelSpec spec = PretrainedModels.byId(id);
            List<String> texts = spec.language() == Language.CHINESE ? chinese : english;
            double bestOurs = 0;
            double bestOursCpu = 0;
            for (String layout : threads) {
                String[] ip = layout.split("x");
                for (int batch : batches) {
                    EncoderConfig config = EncoderConfig.defaults().withBatchSize(batch)
                            .withThreads(Integer.parseInt(ip[0]), Integer.parseInt(ip[1]));
                    try (OnnxTextEncoder encoder = OnnxTextEncoder.open(spec, config)) {
                        encoder.encode(texts.subList(0, Math.min(texts.size(), 64)));
                        double[] rates = new double[reps];
                        double cpuRate = 0;
                        for (int r = 0; r < reps; r++) {
                            long cpu0 = processCpuNanos();
                            long t0 = System.nanoTime();
                            encoder.encode(texts);
                            long wall = System.nanoTime() - t0;
                            long cpu = processCpuNanos() - cpu0;
                            rates[r] = texts.size() / (wall / 1e9);
                            cpuRate = Math.max(cpuRate, texts.size() / (cpu / 1e9));
                        }
                        Arrays.sort(rates);
                        bestOurs = Math.max(bestOurs, rates[reps / 2]);
                        bestOursCpu = Math.max(bestOursCpu, cpuRate);
                        System.out.printf(Locale.ROOT, "%-22s %5d %7s %16.0f %14.0f %12.0f %5.2f%n", id, batch, layout,
                                rates[reps / 2], rates[reps - 1], cpuRate, loadAverage());
                    }
                }
            }
            if (peer) {
                double[] theirs = peerRates(id, texts, reps);
                System.out.printf(Locale.ROOT, "%-22s langchain4j (peer): %.0f items/s (median), %.0f items/CPU-s;"
                        + " ours/peer = %.2f wall, %.2f CPU%n", id, theirs[0], theirs[1], bestOurs / theirs[0],
                        bestOursCpu / theirs[1]);
            }
        }
    }

    /** Median items/s and best items/CPU-s of langchain4j's own class for the model, after one warm-up pass. */
    private static double[] peerRates(String id, List<String> texts, int reps) {
        EmbeddingModel model = switch (id) {
            case "bge-small-zh-v1.5-q" -> new BgeSmallZhV15QuantizedEmbeddingModel();
            case "all-minilm-l6-v2-q" -> new AllMiniLmL6V2QuantizedEmbeddingModel();
            case "bge-small-en-v1.5-q" -> new BgeSmallEnV15QuantizedEmbeddingModel();
            default -> throw new IllegalArgumentException("no langchain4j peer for " + id);
        };
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        model.embedAll(segments.subList(0, Math.min(64, segments.size())));
        double[] rates = new double[reps];
        double cpuRate = 0;
        for (int r = 0; r < reps; r++) {
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            model.embedAll(segments);
            rates[r] = texts.size() / ((System.nanoTime() - t0) / 1e9);
            cpuRate = Math.max(cpuRate, texts.size() / ((processCpuNanos() - cpu0) / 1e9));
        }
        Arrays.sort(rates);
        return new double[] {rates[reps / 2], cpuRate};
    }

    static double meanLength(List<String> texts) {
        long sum = 0;
        for (String t : texts) {
            sum += t.length();
        }
        return texts.isEmpty() ? 0 : (double) sum / texts.size();
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
