// SPDX-License-Identifier: Apache-2.0
package dev.tailor.bench;

import dev.tailor.core.store.Store;
import dev.tailor.server.ServerConfig;
import dev.tailor.server.TailorServer;
import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.model.ModelSet;
import dev.tailor.server.scene.ListQuery;
import dev.tailor.server.scene.Recommender;
import dev.tailor.store.jdbc.JdbcStores;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * In-process cost of each scene without HTTP: single-threaded requests through the recommender, reported as
 * microseconds per request, so that pipeline cost and HTTP overhead can be told apart.
 * {@code java -cp bench/target/tailor-bench.jar dev.tailor.bench.SceneBench --store DIR [--seconds 5]}
 */
public final class SceneBench {
    private SceneBench() {
    }

    public static void main(String[] args) {
        String store = args[1];
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        try (Store s = JdbcStores.open("h2:" + store)) {
            TailorServer server = TailorServer.create(ServerConfig.defaults().withPort(0).withAuthDisabled(true)
                    .withAccessLog(false), s).start();
            try {
                Recommender r = server.recommender();
                ModelSet m = server.models().get();
                LiveCatalog.View cat = server.catalog().view();
                SplittableRandom rnd = new SplittableRandom(1);
                int nu = m.histories().userCount();
                ListQuery q = ListQuery.of(10);
                run("similar", seconds, i -> r.similar(cat.id(rnd.nextInt(cat.size())), q));
                run("bought-together", seconds, i -> r.boughtTogether(cat.id(rnd.nextInt(cat.size())), q));
                run("home", seconds, i -> r.home(m.histories().userId(rnd.nextInt(nu)), q));
                if (m.segments().size() > 0) {
                    run("search", seconds, i -> r.search(m.histories().userId(rnd.nextInt(nu)), "手机壳", q));
                    run("promotions", seconds, i -> r.promotions(m.segments().id(rnd.nextInt(m.segments().size())),
                            q));
                }
            } finally {
                server.stop();
            }
        }
    }

    private static void run(String scene, int seconds, IntConsumer call) {
        for (int i = 0; i < 2_000; i++) {
            call.accept(i);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long end = t0 + seconds * 1_000_000_000L;
        int n = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                call.accept(n++);
            }
        }
        double us = (System.nanoTime() - t0) / 1e3 / n;
        double cpuUs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / n;
        // On a shared machine wall time includes waiting for a core; thread CPU time is the request's own cost.
        System.out.printf(Locale.ROOT, "%-16s %8.1f us CPU/request %8.1f us wall/request (%,d requests, one "
                + "thread)%n", scene, cpuUs, us, n);
    }
}
