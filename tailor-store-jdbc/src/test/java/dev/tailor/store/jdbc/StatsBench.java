// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.store.Store;
import dev.tailor.core.store.StoreStats;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Manual check of stats() and forEachEvent on a large store, not a unit test. Fills the events table inside
 * the database (generated rows, 10 per user, in key order so that filling is quick), then times the reads.
 * Usage: {@code StatsBench <h2-directory|pg> <events>}.
 */
public final class StatsBench {
    private static final int CHUNK = 1_000_000;

    private StatsBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        EmbeddedPostgres pg = null;
        String spec;
        String url;
        if (args[0].equals("pg")) {
            pg = EmbeddedPostgres.builder().start();
            url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres";
            spec = url;
        } else {
            spec = "h2:" + args[0];
            url = StoreSpec.parse(spec, name -> null).jdbcUrl();
        }
        boolean isPg = pg != null;
        try (Store store = JdbcStores.open(spec)) {
            long start = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                for (int from = 0; from < n; from += CHUNK) {
                    int to = Math.min(n, from + CHUNK) - 1;
                    String rows = isPg ? "generate_series(" + from + ", " + to + ") AS g(x)"
                            : "SYSTEM_RANGE(" + from + ", " + to + ") AS g(x)";
                    String pad = isPg ? "lpad((x / 10)::text, 8, '0')" : "LPAD(CAST(x / 10 AS VARCHAR), 8, '0')";
                    String item = isPg ? "((x::bigint * 7919) % 50000)::text" : "CAST(MOD(x * 7919, 50000) AS VARCHAR)";
                    s.executeUpdate("INSERT INTO events (user_id, item_id, type, ts_ms, event_value, session_id, "
                            + "scene) SELECT 'user-' || " + pad + ", 'item-' || " + item + ", MOD(x, 4), "
                            + "1700000000000 + x * 10, 1.0, 's-' || " + pad + ", 'home' FROM " + rows);
                    if (isPg) {
                        s.execute("ANALYZE events");
                    }
                }
            }
            System.out.printf("%s: filled %,d events in %.1f s%n", store.describe(), n,
                    (System.nanoTime() - start) / 1e9);
            for (int run = 1; run <= 2; run++) {
                start = System.nanoTime();
                StoreStats stats = store.stats();
                System.out.printf("stats run %d: %.1f s (%,d events, %,d users, %,d items, %,d pairs), load %.1f%n",
                        run, (System.nanoTime() - start) / 1e9, stats.events(), stats.activeUsers(),
                        stats.activeItems(), stats.userItemPairs(),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            start = System.nanoTime();
            AtomicLong count = new AtomicLong();
            store.forEachEvent(e -> count.incrementAndGet());
            System.out.printf("forEachEvent: %,d events in %.1f s%n", count.get(), (System.nanoTime() - start) / 1e9);
            System.gc();
            System.out.printf("live heap %d MB of max %d MB%n",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }
}
