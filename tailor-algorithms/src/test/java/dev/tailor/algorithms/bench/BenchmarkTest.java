// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.testing.SharedData;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Opt-in: {@code -Dtailor.bench=true}. {@code -Dtailor.bench.data=Beauty,Sports_and_Outdoors} picks the files,
 * {@code -Dtailor.bench.models="pop item-knn"} the models (the --models syntax).
 */
class BenchmarkTest {
    private static List<S3Rec> datasets() {
        assumeTrue(Boolean.getBoolean("tailor.bench"), "benchmarks run only with -Dtailor.bench=true");
        String names = System.getProperty("tailor.bench.data", "Beauty,Sports_and_Outdoors");
        return java.util.Arrays.stream(names.split(","))
                .map(n -> S3Rec.load(SharedData.require("amazon-s3rec").resolve(n.trim() + ".txt"))).toList();
    }

    @Test
    void leaveOneOut() {
        String models = System.getProperty("tailor.bench.models", "pop item-knn user-knn");
        int threads = Integer.getInteger("tailor.bench.threads", 2);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (S3Rec data : datasets()) {
            System.out.printf("%n== %s: %d users, %d items, %d interactions, %d threads, %d processors%n",
                    data.name(), data.users().size(), data.items().size(), data.interactions(), threads,
                    Runtime.getRuntime().availableProcessors());
            LeaveOneOut.Split valid = LeaveOneOut.split(data, 2);
            LeaveOneOut.Split test = LeaveOneOut.split(data, 1);
            for (TrainerSpec spec : Algorithms.standard().trainers(models)) {
                long t0 = System.nanoTime();
                long c0 = mx.getCurrentThreadCpuTime();
                RecommenderModel vm = spec.train(valid.train());
                long trainMs = (System.nanoTime() - t0) / 1_000_000;
                // With threads=1 (or a single-threaded trainer) this thread's CPU time is the whole training
                // cost, unaffected by other load on a shared machine.
                long cpuMs = (mx.getCurrentThreadCpuTime() - c0) / 1_000_000;
                LeaveOneOut.Metrics v = LeaveOneOut.evaluate(vm, valid, threads);
                long t1 = System.nanoTime();
                RecommenderModel tm = spec.train(test.train());
                long testTrainMs = (System.nanoTime() - t1) / 1_000_000;
                long t2 = System.nanoTime();
                LeaveOneOut.Metrics t = LeaveOneOut.evaluate(tm, test, threads);
                long evalMs = (System.nanoTime() - t2) / 1_000_000;
                System.out.printf("%-60s train %5d ms wall, %5d ms CPU of the calling thread (test split %5d ms "
                        + "wall), eval %5d ms%n  valid %s%n  test  %s%n", spec.label(), trainMs, cpuMs, testTrainMs,
                        evalMs, v, t);
                assertThat(t.users()).isEqualTo(data.users().size());
            }
        }
    }
}
