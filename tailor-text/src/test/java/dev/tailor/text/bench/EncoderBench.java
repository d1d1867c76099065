// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.bench;

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
                default -> throw new IllegalArgumentException("unknown option '" + kv[0]
                        + "'; expected models, batches, threads, items or reps");
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
                        System.out.printf(Locale.ROOT, "%-22s %5d %7s %16.0f %14.0f %12.0f %5.2f%n", id, batch, layout,
                                rates[reps / 2], rates[reps - 1], cpuRate, loadAverage());
                    }
                }
            }
        }
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
