// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.data.Snapshot;
import dev.tailor.eval.harness.Comparison;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.Experiment;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.harness.Protocols;
import dev.tailor.eval.harness.UserGrouping;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.report.ConsoleTable;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.testing.RealData;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The acceptance runs recorded in docs/results.md: popularity, item-kNN and user-kNN on real data with the
 * named protocols. Tagged "real" (minutes, not seconds): run with
 * {@code ./mvnw -pl tailor-eval -am verify -Dtailor.eval.groups=real -Dtest=AcceptanceRunsTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("real")
class AcceptanceRunsTest {
    private static final String MODELS = "pop item-knn user-knn";

    @Test
    void amazonSportsLeaveOneOut() {
        ExperimentResult r = run(RealData.amazonS3Rec("Sports_and_Outdoors"), "loo", List.of());
        assertItemKnnBeatsPopularity(r, 10);
        assertThat(r.wallMillis()).isLessThan(120_000);
    }

    @Test
    void amazonBeautyLeaveOneOut() {
        ExperimentResult r = run(RealData.amazonS3Rec("Beauty"), "loo", List.of());
        assertItemKnnBeatsPopularity(r, 10);
    }

    @Test
    void amazonScientificLeaveOneOut() {
        ExperimentResult r = run(RealData.amazonScientific(), "loo", List.of());
        assertItemKnnBeatsPopularity(r, 10);
    }

    @Test
    void movieLens100kRecBole() {
        ExperimentResult r = run(RealData.movieLens100k(), "recbole",
                UserGrouping.parse("gender,age,activity"));
        assertItemKnnBeatsPopularity(r, 10);
    }

    private static ExperimentResult run(Snapshot data, String protocol, List<UserGrouping> groups) {
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        Protocols p = Protocols.of(protocol, 42);
        Split split = p.split().apply(data);
        EvalConfig config = p.config().withGroupings(groups);
        List<ModelSpec> models = Algorithms.standard().trainers(MODELS).stream().map(ModelSpec::of).toList();
        ExperimentResult r = Experiment.run(split, p.split().filters(), models, config, ProgressListener.NONE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (processCpuNanos() - cpu0) / 1_000_000;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n== %s, protocol %s: %d test users; experiment %d ms wall; split +"
                + " experiment %d ms wall, %d ms process CPU on %d processors, load average %.1f%n", data.name(),
                protocol, r.data().userCount(), r.wallMillis(), ms, cpuMs,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        for (ModelResult m : r.models()) {
            sb.append(String.format(Locale.ROOT, "   %s: train %d ms, eval %d ms%n", m.label(), m.trainMillis(),
                    m.evalMillis()));
        }
        sb.append(ConsoleTable.render(r));
        System.out.println(sb);
        return r;
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static void assertItemKnnBeatsPopularity(ExperimentResult r, int k) {
        Comparison c = r.comparison("pop", "item-knn", Metric.NDCG, k).orElseThrow();
        assertThat(c.stats().meanDiff()).isNegative();
        assertThat(c.stats().significant(0.05)).isTrue();
    }
}
