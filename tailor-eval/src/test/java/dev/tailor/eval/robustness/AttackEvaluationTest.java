// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.data.Snapshot;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.EvalData;
import dev.tailor.eval.harness.Experiment;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.split.SplitSpec;
import dev.tailor.eval.testing.Synthetic;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttackEvaluationTest {
    private static final Snapshot SHOP = Synthetic.shop(9, 400, 400, 30);
    private static final SplitSpec SPEC = SplitSpec.parse("holdout:ratio=0.8/0.2,seed=3", 3);
    private static final Split SPLIT = SPEC.apply(SHOP);
    private static final ModelSpec KNN = ModelSpec.of(Algorithms.standard().trainers("item-knn:k=50").get(0));
    private static final EvalConfig CONFIG = EvalConfig.defaults().withKs(10).withBootstrap(200).withThreads(2);

    @Test
    void cleanScoringPassMatchesTheHarness() {
        ExperimentResult r = Experiment.run(SPLIT, SPEC.filters(), List.of(KNN), CONFIG, ProgressListener.NONE);
        TargetExposure t = TargetExposure.measure(KNN.trainer().train(SPLIT.train()), r.data(), 10, new int[] {0, 1},
                1);
        assertThat(t.ndcg()).containsExactly(r.models().get(0).perUser(Metric.NDCG, 0));
        assertThat(t.eligible()[0]).isPositive();
        assertThat(t.meanRank()[0]).isBetween(1.0, (double) r.data().rankableCount());
    }

    @Test
    void attackLiftsTheTargetAndTheDefenceUndoesIt() {
        EvalData data = EvalData.prepare(SPLIT, SPEC.filters(), CONFIG);
        AttackSpec attack = new AttackSpec(AttackSpec.Model.RANDOM, 0.05, 0.05, 2, 4);
        AttackEvaluation.Report r = AttackEvaluation.run(KNN, data, SPEC.filters(), attack,
                ProfileDetector.defaults().withThreads(2), 10, 200, ProgressListener.NONE);
        assertThat(r.targets()).hasSize(2);
        for (AttackEvaluation.TargetRow t : r.targets()) {
            assertThat(t.attacked().meanRank()).as("attacked rank of %s", t.item()).isLessThan(t.clean().meanRank());
            assertThat(t.attacked().hitRate()).isGreaterThan(t.clean().hitRate());
            assertThat(t.defended().meanRank()).isGreaterThan(t.attacked().meanRank());
            assertThat(t.fakes()).isEqualTo(20);
        }
        assertThat(r.attackDrop().n()).isEqualTo(data.userCount());
        String md = RobustnessReport.markdown(List.of(r), List.of(new RobustnessReport.NoiseResult(KNN.label(), 10,
                new double[] {0.5}, AttackEvaluation.noise(KNN, data, SPEC.filters(), new double[] {0.5}, 10, 200, 1))),
                "synthetic");
        assertThat(md).contains("## Shilling attack `random:profiles=0.05").contains("| item-knn:k=50 |")
                .contains("## Random-click noise");
    }
}
