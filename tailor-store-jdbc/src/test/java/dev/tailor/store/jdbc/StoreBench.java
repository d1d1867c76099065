// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import dev.tailor.core.store.Store;
import dev.tailor.core.store.StoreStats;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Manual throughput and memory check, not a unit test: imports N synthetic events in ONE transaction, then
 * streams them back and computes stats. Usage: {@code StoreBench <spec|pg> <events> [batch]}, where {@code pg}
 * starts an embedded PostgreSQL. Run with a small -Xmx to show the transaction does not live on the heap.
 * {@code StoreBench <spec> read <times>} only streams the events of an existing store, that many times.
 */
public final class StoreBench {
    private StoreBench() {
    }

    /**
     * CPU time of the embedded server: its postmaster and every child process (backends, WAL writer,
     * checkpointer), read from /proc. Linux only; the postmaster is found as the parent of a fresh backend.
     */
    private static double postgresCpuSeconds(String url) throws Exception {
        long postmaster;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            postmaster = Long.parseLong(procStat(rs.getLong(1))[3]);
        }
        long ticks = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                long pid = Long.parseLong(p.getFileName().toString());
                String[] f;
                try {
                    f = procStat(pid);
                } catch (IOException gone) {
                    continue;
                }
                if (pid == postmaster || Long.parseLong(f[3]) == postmaster) {
                    ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
            }
        }
        return ticks / 100.0;
    }

    /** Fields of /proc/PID/stat from "state" on, so that index 3 is ppid, 13 utime, 14 stime (man proc, -1). */
    private static String[] procStat(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        String[] f = new String[rest.length + 2];
        System.arraycopy(rest, 0, f, 2, rest.length);
        return f;
    }

    /** CPU time of this JVM, all threads: on a shared machine it says more than the wall clock. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Streams every event in time order, checking the order, and prints the wall and CPU time it took. */
    private static void streamEvents(Store store) {
        long start = System.nanoTime();
        long cpu = cpuNanos();
        AtomicLong count = new AtomicLong();
        AtomicLong last = new AtomicLong(Long.MIN_VALUE);
        store.forEachEvent(e -> {
            long ms = e.timestamp().toEpochMilli();
            if (ms < last.get()) {
                throw new IllegalStateException("out of order");
            }
            last.set(ms);
            count.incrementAndGet();
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("forEachEvent: %,d events in %.1f s = %,.0f events/s; %.1f CPU-s (load average %.1f)%n",
                count.get(), seconds, count.get() / seconds, (cpuNanos() - cpu) / 1e9,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void readOnly(String spec, int times) {
        try (Store store = JdbcStores.open(spec)) {
            for (int i = 0; i < times; i++) {
                streamEvents(store);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 2 && args[1].equals("read")) {
            readOnly(args[0], Integer.parseInt(args[2]));
            return;
        }
        String spec = args[0];
        int n = Integer.parseInt(args[1]);
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        EmbeddedPostgres pg = null;
        if (spec.equals("pg")) {
            pg = EmbeddedPostgres.builder().start();
            spec = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres";
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (Store store = JdbcStores.open(spec)) {
            System.out.printf("%s, %,d events in one transaction, batches of %,d, max heap %d MB%n",
                    store.describe(), n, batch, Runtime.getRuntime().maxMemory() >> 20);
            SplittableRandom random = new SplittableRandom(42);
            long importStart = System.nanoTime();
            long importCpu = cpuNanos();
            double serverCpu = pg == null ? 0 : postgresCpuSeconds(spec);
            long added = store.write(w -> {
                List<Item> items = new ArrayList<>();
                for (int i = 0; i < 20_000; i++) {
                    items.add(Item.builder("item-" + i, "Item " + i)
                            .categoryPath(List.of("root", "cat-" + (i % 300))).build());
                    if (items.size() == batch) {
                        w.upsertItems(items);
                        items.clear();
                    }
                }
                w.upsertItems(items);
                long sum = 0;
                List<Event> events = new ArrayList<>(batch);
                long t = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
                for (int i = 0; i < n; i++) {
                    t += random.nextInt(20);
                    EventType type = i % 10 == 0 ? EventType.ADD_TO_CART : i % 50 == 0 ? EventType.PURCHASE
                            : EventType.VIEW;
                    events.add(new Event(type, "user-" + random.nextInt(100_000), "item-" + random.nextInt(20_000),
                            1.0, Instant.ofEpochMilli(t), "s-" + (i / 20), "home", null, null, null));
                    if (events.size() == batch) {
                        sum += w.appendEvents(events);
                        events.clear();
                    }
                    if ((i + 1) % 1_000_000 == 0) {
                        System.gc();
                        System.out.printf("  %,d events %.1f s, live heap %d MB%n", i + 1,
                                (System.nanoTime() - importStart) / 1e9, memory.getHeapMemoryUsage().getUsed() >> 20);
                    }
                }
                return sum + w.appendEvents(events);
            });
            double seconds = (System.nanoTime() - importStart) / 1e9;
            double cpu = (cpuNanos() - importCpu) / 1e9;
            System.out.printf("import+commit: %,d new events in %.1f s = %,.0f events/s; this JVM used %.1f CPU-s"
                    + " (load average %.1f)%n", added, seconds, n / seconds, cpu,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (pg != null) {
                double server = postgresCpuSeconds(spec) - serverCpu;
                System.out.printf("  PostgreSQL server processes used %.1f CPU-s: %,.0f events per CPU-s of both%n",
                        server, n / (server + cpu));
            }

            streamEvents(store);

            long start = System.nanoTime();
            StoreStats stats = store.stats();
            System.out.printf("stats: %.1f s: %,d events, %,d users, %,d items, %,d pairs, top %s%n",
                    (System.nanoTime() - start) / 1e9, stats.events(), stats.activeUsers(), stats.activeItems(),
                    stats.userItemPairs(), stats.topCategories().get(0));
            System.gc();
            System.out.printf("live heap at end %d MB%n", memory.getHeapMemoryUsage().getUsed() >> 20);
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }
}
