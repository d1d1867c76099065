// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tailor.algorithms.itemknn.ItemKnnModel;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * Opt-in ({@code -Dtailor.bench=true}): training time on a synthetic shop, by default 100K items and 10M
 * events ({@code -Dtailor.scale.items}, {@code .users}, {@code .events}; {@code -Dtailor.scale.models}).
 */
class ScaleBenchmarkTest {
    @Test
    void trainsAtShopScale() {
        assumeTrue(Boolean.getBoolean("tailor.bench"), "benchmarks run only with -Dtailor.bench=true");
        int items = Integer.getInteger("tailor.scale.items", 100_000);
        int users = Integer.getInteger("tailor.scale.users", 500_000);
        long events = Long.getLong("tailor.scale.events", 10_000_000L);
        long t0 = System.nanoTime();
        Snapshot s = SyntheticShop.generate(1, users, items, events, 500);
        long genMs = (System.nanoTime() - t0) / 1_000_000;
        CsrMatrix m = s.matrix(EventWeights.DEFAULT);
        // The work of item-kNN is the sum over users of (items per user)^2, that of user-kNN the sum over items
        // of (users per item)^2: printed so that timings can be scaled to other data.
        long sumSquares = 0;
        for (int u = 0; u < m.rows(); u++) {
            sumSquares += (long) m.rowLength(u) * m.rowLength(u);
        }
        long itemSquares = 0;
        for (int c : m.columnCounts()) {
            itemSquares += (long) c * c;
        }
        System.out.printf("%n== %s: %d users, %d items, %d events, %d distinct pairs, sum of squared user "
                + "lengths %,d, of squared item lengths %,d; generated in %d ms; %d processors, max heap %d MB%n",
                s.name(), s.numUsers(), s.numItems(), s.interactions().size(), m.nnz(), sumSquares, itemSquares, genMs,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        String models = System.getProperty("tailor.scale.models",
                "pop trending item-knn:k=100,threads=1 item-knn:k=100,threads=2");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (TrainerSpec spec : Algorithms.standard().trainers(models)) {
            System.gc();
            long t1 = System.nanoTime();
            long cpu1 = mx.getCurrentThreadCpuTime();
            RecommenderModel model = spec.train(s);
            long trainMs = (System.nanoTime() - t1) / 1_000_000;
            // With threads=1 all work runs on this thread, so its CPU time is immune to other load on the box.
            long cpuMs = (mx.getCurrentThreadCpuTime() - cpu1) / 1_000_000;
            float[] scores = new float[model.itemCount()];
            int probes = 2000;
            long t2 = System.nanoTime();
            for (int u = 0; u < probes; u++) {
                int user = (int) ((long) u * s.numUsers() / probes);
                model.scoreAll(UserContext.of(user, s.interactions().sequence(user)), scores);
                assertThat(TopK.select(scores, 10, null)).hasSize(10);
            }
            double perUserMs = (System.nanoTime() - t2) / 1e6 / probes;
            String extra = model instanceof ItemKnnModel k
                    ? String.format(", %d neighbours (%d MB)", k.neighbours().size(), k.neighbours().bytes() >> 20)
                    : "";
            System.out.printf("%-40s train %6d ms wall (calling thread %6d ms CPU), score+top10 %.2f ms/user%s%n",
                    spec.label(), trainMs, cpuMs, perUserMs, extra);
        }
    }
}
