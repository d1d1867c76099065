// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Generates a shop and prints throughput and peak heap as one {@code key=value} line. Run in a fresh JVM with a
 * small {@code -Xmx} to show memory stays bounded, e.g. 10 million events:
 *
 * <pre>
 * java -Xmx512m -cp ... dev.tailor.io.sampleshop.SampleShopBenchmark --items 100000 --customers 1000000 \
 *     --sessions 1.46 --target csv --out /tmp/shop
 * </pre>
 *
 * Targets: {@code null} (a counting StoreWriter), {@code csv}, {@code jsonl}. {@code peakHeapMB} is the largest
 * heap use seen by sampling every 5 ms; {@code poolPeaksMB} sums each heap pool's own peak, an upper bound.
 */
public final class SampleShopBenchmark {
    private SampleShopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int k = 0; k + 1 < args.length; k += 2) {
            a.put(args[k].replaceFirst("^--", ""), args[k + 1]);
        }
        SampleShopConfig config = SampleShopConfig.builder()
                .items(Integer.parseInt(a.getOrDefault("items", "100000")))
                .customers(Integer.parseInt(a.getOrDefault("customers", "1000000")))
                .meanSessionsPerCustomer(Double.parseDouble(a.getOrDefault("sessions", "1.46")))
                .seed(Long.parseLong(a.getOrDefault("seed", "42")))
                .build();
        int threads = Integer.parseInt(a.getOrDefault("threads",
                Integer.toString(Runtime.getRuntime().availableProcessors())));
        String target = a.getOrDefault("target", "null");

        AtomicLong sampledPeak = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampledPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        long t0 = System.nanoTime();
        SampleShopGenerator generator = new SampleShopGenerator(config).withThreads(threads);
        double catalogSeconds = (System.nanoTime() - t0) / 1e9;
        GenerationSummary s;
        long bytes = 0;
        if (target.equals("null")) {
            s = generator.writeTo(new NoopStoreWriter());
        } else {
            Path out = Path.of(a.getOrDefault("out", "target/sample-shop-benchmark"));
            s = generator.writeFiles(out, FileFormat.valueOf(target.toUpperCase(Locale.ROOT)), ProgressListener.NONE);
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    bytes += Files.size(f);
                }
            }
        }
        sampler.interrupt();
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "target=%s threads=%d items=%d customers=%d events=%d catalogSeconds=%.2f"
                        + " generateSeconds=%.2f eventsPerSecond=%.0f peakHeapMB=%.1f poolPeaksMB=%.1f maxHeapMB=%.0f"
                        + " outputMB=%.1f%n",
                target, threads, s.items(), s.customers(), s.events(), catalogSeconds,
                s.elapsed().toNanos() / 1e9, s.eventsPerSecond(), sampledPeak.get() / 1048576.0,
                poolPeaks / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0, bytes / 1048576.0);
    }
}
