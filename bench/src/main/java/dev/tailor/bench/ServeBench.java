// SPDX-License-Identifier: Apache-2.0
package dev.tailor.bench;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import dev.tailor.core.store.Store;
import dev.tailor.core.store.StoreWriter;
import dev.tailor.io.importer.DatasetImporters;
import dev.tailor.io.importer.Datasets;
import dev.tailor.io.importer.ImportOptions;
import dev.tailor.io.importer.ImportProgress;
import dev.tailor.io.sampleshop.GenerationSummary;
import dev.tailor.io.sampleshop.ProgressListener;
import dev.tailor.io.sampleshop.SampleShopConfig;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import dev.tailor.server.ServerConfig;
import dev.tailor.server.TailorServer;
import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.http.ApiKey;
import dev.tailor.server.http.Role;
import dev.tailor.server.model.ModelSet;
import dev.tailor.store.jdbc.JdbcStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

/**
 * The server side of {@code bench/serve-load.sh}.
 * <ul>
 *   <li>{@code prepare --data sample --items N --customers M --sessions S --store DIR}: generates the sample
 *   shop into an H2 store (once; the script skips it when the store exists);</li>
 *   <li>{@code prepare --data amazon-sports --store DIR}: imports Amazon Sports and Outdoors;</li>
 *   <li>{@code serve --store DIR --ids DIR}: starts the server on a free loopback port with a bench key, writes
 *   sample customer ids, item ids, segments and queries for the load generator, prints {@code READY <port>},
 *   and serves until killed (SIGTERM stops it gracefully).</li>
 * </ul>
 */
public final class ServeBench {
    /** The admin key the load script sends. */
    public static final String KEY = "bench-key-0123456789";
    private static final int SAMPLE = 20_000;
    private static final List<String> SAMPLE_QUERIES = List.of("手机壳", "充电器", "耳机", "猫粮", "纸尿裤", "咖啡",
            "茶叶", "跑鞋", "running shoes", "phone case", "coffee", "yoga mat", "laptop", "diapers", "tent",
            "保健品", "连衣裙", "bicycle", "skincare", "LEGO");

    private ServeBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int k = 1; k + 1 < args.length; k += 2) {
            a.put(args[k].replaceFirst("^--", ""), args[k + 1]);
        }
        switch (args.length == 0 ? "" : args[0]) {
            case "prepare" -> prepare(a);
            case "compact" -> compact(Path.of(a.get("store")));
            case "serve" -> serve(a);
            default -> {
                System.err.println("usage: ServeBench prepare|serve --store DIR ...");
                System.exit(2);
            }
        }
    }

    private static void prepare(Map<String, String> a) {
        String data = a.getOrDefault("data", "sample");
        try (Store store = JdbcStores.open("h2:" + a.get("store"))) {
            long t0 = System.nanoTime();
            if (data.equals("sample")) {
                SampleShopConfig config = SampleShopConfig.builder()
                        .items(Integer.parseInt(a.getOrDefault("items", "100000")))
                        .customers(Integer.parseInt(a.getOrDefault("customers", "1000000")))
                        .meanSessionsPerCustomer(Double.parseDouble(a.getOrDefault("sessions", "1.49"))).build();
                // One transaction per generator batch: a single 10-million-event transaction makes H2 keep its
                // whole undo log (the file grew past 9 GB in a trial). The script's marker file guards against a
                // half-written store instead.
                GenerationSummary s = new SampleShopGenerator(config).writeTo(new BatchCommits(store),
                        ProgressListener.NONE);
                System.err.printf(Locale.ROOT, "sample shop: %,d items, %,d customers, %,d events in %.0f s%n",
                        s.items(), s.customers(), s.events(), (System.nanoTime() - t0) / 1e9);
            } else if (data.equals("amazon-sports")) {
                Path file = Datasets.dataDir().resolve("amazon-s3rec").resolve("Sports_and_Outdoors.txt");
                var report = store.write(w -> DatasetImporters.require("amazon-s3rec").importInto(file, w,
                        ImportOptions.defaults(), ImportProgress.NONE));
                System.err.println(report.summary());
            } else {
                throw new IllegalArgumentException("unknown --data " + data + "; expected sample or amazon-sports");
            }
        }
        compact(Path.of(a.get("store")));
    }

    /**
     * Rewrites the H2 file compactly. Thousands of commits leave it fragmented, and a long streaming read of a
     * fragmented file while H2 compacts it in the background can fail with "Chunk ... not found" (H2 issue
     * 4142, still open for 2.x); a compacted file gives the background writer nothing to move.
     */
    private static void compact(Path dir) {
        long t0 = System.nanoTime();
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("tailor");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                java.sql.Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot compact " + dir + ": " + e.getMessage(), e);
        }
        System.err.printf(Locale.ROOT, "compacted the store in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void serve(Map<String, String> a) throws IOException, InterruptedException {
        Store store = JdbcStores.open("h2:" + a.get("store"));
        ServerConfig config = ServerConfig.defaults().withPort(Integer.parseInt(a.getOrDefault("port", "0")))
                .withAccessLog(false).withMetricsPublic(true)
                .withApiKeys(List.of(new ApiKey("bench", KEY, Set.of(Role.ADMIN))));
        long t0 = System.nanoTime();
        TailorServer server = TailorServer.create(config, store).start();
        double startSeconds = (System.nanoTime() - t0) / 1e9;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            store.close();
            stopped.countDown();
        }));
        writeIds(server, Path.of(a.get("ids")));
        ModelSet.Info info = server.models().get().info();
        System.out.printf(Locale.ROOT, "READY %d started in %.1f s: %,d items, %,d customers, %,d events, "
                + "model set trained in %.1f s, heap used %.0f MB%n", server.port(), startSeconds, info.items(),
                info.users(), info.events(), info.trainMillis() / 1000.0, Heap.mb(Heap.usedAfterGc()));
        System.out.flush();
        stopped.await();
    }

    /** A StoreWriter that commits each call in its own transaction. */
    private record BatchCommits(Store store) implements StoreWriter {
        @Override
        public void upsertItems(List<Item> items) {
            store.write(w -> {
                w.upsertItems(items);
                return null;
            });
        }

        @Override
        public void upsertCustomers(List<Customer> customers) {
            store.write(w -> {
                w.upsertCustomers(customers);
                return null;
            });
        }

        @Override
        public int appendEvents(List<Event> events) {
            return store.write(w -> w.appendEvents(events));
        }
    }

    /** Random customers, items, segments and queries for the load generator, one per line. */
    private static void writeIds(TailorServer server, Path dir) throws IOException {
        Files.createDirectories(dir);
        ModelSet m = server.models().get();
        SplittableRandom rnd = new SplittableRandom(42);
        List<String> users = new ArrayList<>();
        int nu = m.histories().userCount();
        for (int i = 0; i < Math.min(SAMPLE, nu); i++) {
            users.add(m.histories().userId(rnd.nextInt(nu)));
        }
        LiveCatalog.View cat = server.catalog().view();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Math.min(SAMPLE, cat.size()); i++) {
            items.add(cat.id(rnd.nextInt(cat.size())));
        }
        List<String> segments = new ArrayList<>();
        for (int s = 0; s < m.segments().size(); s++) {
            segments.add(m.segments().id(s));
        }
        Files.write(dir.resolve("users.txt"), users, StandardCharsets.UTF_8);
        Files.write(dir.resolve("items.txt"), items, StandardCharsets.UTF_8);
        Files.write(dir.resolve("segments.txt"), segments, StandardCharsets.UTF_8);
        Files.write(dir.resolve("queries.txt"), SAMPLE_QUERIES.stream().map(q -> java.net.URLEncoder.encode(q,
                StandardCharsets.UTF_8)).toList(), StandardCharsets.UTF_8);
    }
}
