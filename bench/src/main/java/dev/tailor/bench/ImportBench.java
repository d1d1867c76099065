// SPDX-License-Identifier: Apache-2.0
package dev.tailor.bench;

import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.store.Store;
import dev.tailor.io.importer.CsvImporter;
import dev.tailor.io.importer.ImportOptions;
import dev.tailor.io.importer.ImportProgress;
import dev.tailor.io.importer.ImportReport;
import dev.tailor.io.importer.RecordKind;
import dev.tailor.io.sampleshop.FileFormat;
import dev.tailor.io.sampleshop.GenerationSummary;
import dev.tailor.io.sampleshop.ProgressListener;
import dev.tailor.io.sampleshop.SampleShopConfig;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import dev.tailor.store.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates the sample shop as CSV files, imports them into H2 and PostgreSQL (each file one transaction, as
 * {@code tailor import csv} does), builds a training snapshot from each store, and prints one table:
 * throughput, peak heap, and the snapshot's memory per event. Run it through {@code bench/import-throughput.sh}.
 */
public final class ImportBench {
    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int k = 0; k + 1 < args.length; k += 2) {
            a.put(args[k].replaceFirst("^--", ""), args[k + 1]);
        }
        int items = Integer.parseInt(a.getOrDefault("items", "100000"));
        int customers = Integer.parseInt(a.getOrDefault("customers", "1000000"));
        double sessions = Double.parseDouble(a.getOrDefault("sessions", "1.46"));
        Path work = Path.of(a.getOrDefault("work", "bench/out/import"));
        List<String> stores = List.of(a.getOrDefault("stores", "h2,postgresql").split(","));

        List<String[]> rows = new ArrayList<>();
        Path files = work.resolve("shop-" + items + "-" + customers + "-" + sessions);
        SampleShopConfig config = SampleShopConfig.builder().items(items).customers(customers)
                .meanSessionsPerCustomer(sessions).build();
        Heap.resetPeak();
        deleteTree(files);
        lastCpuNanos = processCpuNanos();
        GenerationSummary gen = new SampleShopGenerator(config).writeFiles(files, FileFormat.CSV,
                ProgressListener.NONE);
        rows.add(row("generate CSV", gen.events(), gen.elapsed().toNanos() / 1e9, Heap.peakBytes(), ""));
        System.err.printf(Locale.ROOT, "generated %,d events in %.1f s%n", gen.events(),
                gen.elapsed().toNanos() / 1e9);

        for (String kind : stores) {
            try (Target target = Target.open(kind.strip(), work)) {
                importInto(target, files, rows);
            }
        }

        System.out.printf(Locale.ROOT, "%nSample shop: %,d items, %,d customers, %,d events; JVM -Xmx %.0f MB, %d cores%n%n",
                gen.items(), gen.customers(), gen.events(), Heap.mb(Runtime.getRuntime().maxMemory()),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "Load average at the end: %.1f (CPU s = this JVM's CPU time; a PostgreSQL "
                + "server's own CPU is not included)%n%n", java.lang.management.ManagementFactory
                .getOperatingSystemMXBean().getSystemLoadAverage());
        String fmt = "| %-44s | %12s | %9s | %7s | %12s | %13s | %s%n";
        System.out.printf(fmt, "step", "rows", "wall s", "CPU s", "rows/s", "peak heap MB", "notes");
        System.out.println("|----------------------------------------------|--------------|-----------|---------|"
                + "--------------|---------------|------");
        for (String[] r : rows) {
            System.out.printf(fmt, (Object[]) r);
        }
    }

    private static void importInto(Target target, Path files, List<String[]> rows) {
        for (RecordKind kind : List.of(RecordKind.ITEMS, RecordKind.CUSTOMERS, RecordKind.EVENTS)) {
            Path file = files.resolve(kind.name().toLowerCase(Locale.ROOT) + ".csv");
            Heap.resetPeak();
            long t0 = System.nanoTime();
            ImportReport report = target.store.write(w -> CsvImporter.of(kind).importInto(file, w,
                    ImportOptions.defaults(), ImportProgress.NONE));
            double s = (System.nanoTime() - t0) / 1e9;
            long n = report.itemsImported() + report.customersImported() + report.eventsImported();
            rows.add(row("import " + kind.name().toLowerCase(Locale.ROOT) + " -> " + target.name, n, s,
                    Heap.peakBytes(), report.duplicateEvents() > 0 ? report.duplicateEvents() + " duplicates" : ""));
            System.err.printf(Locale.ROOT, "%s: %s in %.1f s%n", target.name, kind, s);
        }
        long before = Heap.usedAfterGc();
        Heap.resetPeak();
        long t0 = System.nanoTime();
        Snapshot snapshot = SnapshotBuilder.fromStore(target.store);
        double s = (System.nanoTime() - t0) / 1e9;
        long peak = Heap.peakBytes();
        long retained = Heap.usedAfterGc() - before;
        long events = snapshot.interactions().size();
        rows.add(row("snapshot from " + target.name, events, s, peak, String.format(Locale.ROOT,
                "interactions %.1f B/event; retained incl. dictionaries %.1f B/event",
                (double) snapshot.interactions().bytes() / events, (double) retained / events)));
        long t1 = System.nanoTime();
        CsrMatrix m = snapshot.matrix(EventWeights.DEFAULT);
        rows.add(row("weighted CSR matrix (" + target.name + ")", m.nnz(), (System.nanoTime() - t1) / 1e9,
                Heap.peakBytes(), String.format(Locale.ROOT, "%.1f B/pair, %.1f B/event", (double) m.bytes() / m.nnz(),
                        (double) m.bytes() / events)));
    }

    private static String[] row(String step, long n, double seconds, long peakBytes, String notes) {
        double cpu = (processCpuNanos() - lastCpuNanos) / 1e9;
        lastCpuNanos = processCpuNanos();
        String[] r = {step, String.format(Locale.ROOT, "%,d", n), String.format(Locale.ROOT, "%.1f", seconds),
            String.format(Locale.ROOT, "%.1f", cpu), String.format(Locale.ROOT, "%,.0f", n / seconds),
            String.format(Locale.ROOT, "%,.0f", Heap.mb(peakBytes)), notes};
        // Each row also goes to stderr as soon as it is measured, so a long run that is stopped keeps its rows.
        System.err.println("row: " + String.join(" | ", r));
        return r;
    }

    /** CPU time of this JVM (all threads): on a shared machine it tells work from waiting for a core. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long lastCpuNanos;

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A store under test, with whatever server it needs. */
    private static final class Target implements AutoCloseable {
        final String name;
        final Store store;
        private final EmbeddedPostgres pg;

        private Target(String name, Store store, EmbeddedPostgres pg) {
            this.name = name;
            this.store = store;
            this.pg = pg;
        }

        static Target open(String kind, Path work) throws IOException {
            switch (kind) {
                case "h2" -> {
                    Path dir = work.resolve("h2");
                    deleteTree(dir);
                    return new Target("H2 (file)", JdbcStores.open("h2:" + dir), null);
                }
                case "postgresql" -> {
                    String url = System.getenv("TAILOR_PG_URL");
                    if (url != null && !url.isBlank()) {
                        return new Target("PostgreSQL (external)", JdbcStores.open(url), null);
                    }
                    Path dir = work.resolve("pg");
                    deleteTree(dir);
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                            .start();
                    String spec = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres";
                    return new Target("PostgreSQL 14 (embedded)", JdbcStores.open(spec), pg);
                }
                default -> throw new IllegalArgumentException("unknown store '" + kind + "'; expected h2 or postgresql");
            }
        }

        @Override
        public void close() throws IOException {
            store.close();
            if (pg != null) {
                pg.close();
            }
        }
    }
}
