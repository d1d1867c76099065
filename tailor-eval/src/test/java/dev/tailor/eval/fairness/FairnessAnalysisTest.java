// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.Experiment;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.harness.UserGrouping;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.split.SplitSpec;
import dev.tailor.eval.stats.MeanCi;
import dev.tailor.eval.stats.WelchTest;
import dev.tailor.eval.testing.Synthetic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FairnessAnalysisTest {
    private static final Snapshot SHOP = Synthetic.shop(5, 300, 80, 20);
    private static final SplitSpec SPEC = SplitSpec.parse("holdout:ratio=0.8/0.2,seed=3", 3);
    private static final Split SPLIT = SPEC.apply(SHOP);
    private static final ModelSpec KNN = ModelSpec.of(Algorithms.standard().trainers("item-knn:k=20").get(0));
    private static final ExperimentResult RESULT = Experiment.run(SPLIT, SPEC.filters(), List.of(KNN),
            EvalConfig.defaults().withKs(10).withBootstrap(0).withThreads(2)
                    .withGroupings(UserGrouping.parse("gender,segment")), ProgressListener.NONE);

    @Test
    void segmentGapsAgreeWithADirectPartitionByGender() {
        ModelResult m = RESULT.models().get(0);
        double[] ndcg = m.perUser(Metric.NDCG, 0);
        List<GroupGap> gaps = SegmentGaps.of(RESULT.data(), ndcg, RESULT.data().groups().get(0));
        assertThat(gaps).extracting(GroupGap::group).containsExactly("F", "M");
        double[] f = new double[ndcg.length];
        double[] male = new double[ndcg.length];
        int nf = 0;
        int nm = 0;
        for (int s = 0; s < ndcg.length; s++) {
            Gender g = SHOP.userFeatures().gender(RESULT.data().user(s));
            if (g == Gender.FEMALE) {
                f[nf++] = ndcg[s];
            } else {
                male[nm++] = ndcg[s];
            }
        }
        GroupGap female = gaps.get(0);
        assertThat(female.inGroup()).isEqualTo(MeanCi.of(f, nf));
        assertThat(female.rest()).isEqualTo(MeanCi.of(male, nm));
        assertThat(female.gap()).isEqualTo(WelchTest.of(MeanCi.of(f, nf), MeanCi.of(male, nm)));
        assertThat(female.inGroup().n() + female.rest().n()).isEqualTo(ndcg.length);
        // The mirror group has the mirrored gap.
        assertThat(gaps.get(1).gap().diff()).isCloseTo(-female.gap().diff(), within(1e-15));
        // Same numbers as the harness's own per-group summary.
        assertThat(female.inGroup()).isEqualTo(RESULT.summary(m, Metric.NDCG, 0, RESULT.data().groups().get(0), 0));
    }

    @Test
    void exposureSharesAddUpAndFollowTheCounts() {
        ModelResult m = RESULT.models().get(0);
        int[] counts = ExposureShares.counts(m, RESULT.data(), 10);
        long slots = 0;
        for (int len : m.recLength()) {
            slots += Math.min(10, len);
        }
        assertThat(java.util.Arrays.stream(counts).asLongStream().sum()).isEqualTo(slots);
        assertThat(ExposureShares.gini(counts, RESULT.data())).isCloseTo(m.gini()[0], within(1e-12));
        for (ExposureShares s : List.of(ExposureShares.byCategory(counts, RESULT.data()),
                ExposureShares.byPopularity(counts, RESULT.data(), 10))) {
            assertThat(sum(s.exposureShare())).isCloseTo(1, within(1e-9));
            assertThat(sum(s.catalogShare())).isCloseTo(1, within(1e-9));
            assertThat(sum(s.interactionShare())).isCloseTo(1, within(1e-9));
            assertThat(java.util.Arrays.stream(s.items()).sum()).isEqualTo(RESULT.data().rankableCount());
        }
        assertThat(ExposureShares.byCategory(counts, RESULT.data()).labels()).containsExactlyInAnyOrder("even", "odd");
    }

    @Test
    void popularityDecilesByHand() {
        // All exposure on the single most popular rankable item: the top decile gets everything.
        int n = RESULT.data().itemCount();
        int top = -1;
        BitSet rankable = ExposureShares.rankable(RESULT.data());
        for (int i = rankable.nextSetBit(0); i >= 0; i = rankable.nextSetBit(i + 1)) {
            if (top < 0 || RESULT.data().items().trainUsers(i) >= RESULT.data().items().trainUsers(top)) {
                top = i;
            }
        }
        int[] counts = new int[n];
        counts[top] = 7;
        ExposureShares d = ExposureShares.byPopularity(counts, RESULT.data(), 10);
        assertThat(d.exposureShare()[9]).isEqualTo(1.0);
        assertThat(d.ratio(9)).isCloseTo(1 / d.catalogShare()[9], within(1e-12));
        assertThat(d.exposureShare()[0]).isZero();
        // Deciles hold floor/ceil(n/10) items each and interaction shares rise with the decile.
        for (int b = 1; b < 10; b++) {
            assertThat(d.interactionShare()[b]).isGreaterThanOrEqualTo(d.interactionShare()[b - 1]);
            assertThat(Math.abs(d.items()[b] - d.items()[0])).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void sweepAtZeroStrengthReproducesTheHarnessAndStrengthShiftsExposureToTheTail() {
        RecommenderModel model = KNN.trainer().train(SPLIT.train());
        int n = RESULT.data().itemCount();
        int[] pop = new int[n];
        for (int i = 0; i < n; i++) {
            pop[i] = RESULT.data().items().trainUsers(i);
        }
        BitSet head = PopularityReranker.shortHead(pop, ExposureShares.rankable(RESULT.data()), 0.2);
        List<RerankSweep.Point> points = RerankSweep.run(model, RESULT.data(), head, new double[] {0, 0.5, 1}, 10,
                50, 2);
        ModelResult m = RESULT.models().get(0);
        assertThat(points.get(0).perUserNdcg()).containsExactly(m.perUser(Metric.NDCG, 0));
        assertThat(points.get(0).gini()).isCloseTo(m.gini()[0], within(1e-12));
        assertThat(points.get(2).tailShare().mean()).isGreaterThan(points.get(0).tailShare().mean());
        assertThat(points.get(2).gini()).isLessThan(points.get(0).gini());
        // Thread count does not change anything.
        List<RerankSweep.Point> one = RerankSweep.run(model, RESULT.data(), head, new double[] {0.5}, 10, 50, 1);
        assertThat(one.get(0).perUserNdcg()).containsExactly(points.get(1).perUserNdcg());
        assertThat(one.get(0).gini()).isEqualTo(points.get(1).gini());
    }

    @Test
    void writesTheReport(@TempDir Path dir) throws IOException {
        RecommenderModel model = KNN.trainer().train(SPLIT.train());
        ModelFairness f = ModelFairness.analyze(RESULT, RESULT.models().get(0), 0, Optional.of(model),
                new double[] {0, 0.5}, 30, 0.2);
        FairnessReport.write(List.of(f), "synthetic", dir);
        String md = Files.readString(dir.resolve("fairness.md"));
        assertThat(md).contains("| item-knn:k=20 | gender | F |").contains("exposure by popularity decile")
                .contains("Popularity-aware re-ranking");
        assertThat(Files.readAllLines(dir.resolve("rerank.tsv"))).hasSize(3);
        assertThat(Files.readString(dir.resolve("fairness.html"))).contains("data:image/png;base64,");
        assertThat(Files.size(dir.resolve("rerank-gini.png"))).isPositive();
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
