// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.oracle.Planted;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AlsTrainerTest {
    private static final Snapshot PLANTED = Planted.clusters(120, 60, 4, 10, 0.9, 7);

    private static AlsConfig config(int rank, int iterations, boolean exact, int threads) {
        return new AlsConfig(rank, iterations, 0.1, 5, 3, exact, 1, 42, EventWeights.DEFAULT, threads);
    }

    @Test
    void objectiveDecreasesEveryIteration() {
        for (boolean exact : new boolean[] {false, true}) {
            List<Epoch> epochs = new ArrayList<>();
            AlsFactors f = new AlsTrainer(config(8, 12, exact, 1), epochs::add)
                    .fit(PLANTED.matrix(EventWeights.DEFAULT));
            assertThat(epochs).hasSize(12);
            for (int i = 1; i < f.losses().length; i++) {
                assertThat(f.losses()[i]).as("iteration %d, exact=%s", i + 1, exact)
                        .isLessThanOrEqualTo(f.losses()[i - 1] * (1 + 1e-6));
            }
            assertThat(f.losses()[11]).isLessThan(f.losses()[0]);
            assertThat(epochs.get(3).value()).isEqualTo(f.losses()[3]);
            assertThat(epochs.get(3).metric()).isEqualTo("loss");
        }
    }

    @Test
    void lossIsTheObjectiveSummedOverEveryPair() {
        CsrMatrix w = PLANTED.matrix(EventWeights.DEFAULT);
        AlsConfig c = config(4, 2, false, 1);
        AlsFactors f = new AlsTrainer(c).fit(w);
        double[][] dense = Planted.dense(w);
        double total = 0;
        for (int u = 0; u < w.rows(); u++) {
            for (int i = 0; i < w.cols(); i++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += (double) f.users()[u * 4 + k] * f.items()[i * 4 + k];
                }
                double p = dense[u][i] > 0 ? 1 : 0;
                double conf = 1 + c.alpha() * dense[u][i];
                total += conf * (p - s) * (p - s);
            }
        }
        for (float x : f.users()) {
            total += c.reg() * x * x;
        }
        for (float y : f.items()) {
            total += c.reg() * y * y;
        }
        assertThat(f.losses()[1]).isCloseTo(total, org.assertj.core.data.Percentage.withPercentage(1e-3));
    }

    @Test
    void resultsDependOnTheSeedButNotOnTheThreadCount() {
        CsrMatrix w = PLANTED.matrix(EventWeights.DEFAULT);
        AlsFactors one = new AlsTrainer(config(8, 3, false, 1)).fit(w);
        AlsFactors two = new AlsTrainer(config(8, 3, false, 2)).fit(w);
        AlsFactors again = new AlsTrainer(config(8, 3, false, 1)).fit(w);
        assertThat(two.users()).containsExactly(one.users());
        assertThat(two.items()).containsExactly(one.items());
        assertThat(again.losses()).containsExactly(one.losses());
        AlsConfig otherSeed = new AlsConfig(8, 3, 0.1, 5, 3, false, 1, 43, EventWeights.DEFAULT, 1);
        assertThat(new AlsTrainer(otherSeed).fit(w).items()).isNotEqualTo(one.items());
    }

    @Test
    void lowRankSolveReachesTheSameObjectiveAsCholesky() {
        CsrMatrix w = PLANTED.matrix(EventWeights.DEFAULT);
        // Rank 16 and rows of about 10 events: the cost rule takes the low-rank path in the user sweep (at rank 8
        // a Cholesky solve is cheaper for such rows).
        assertThat(LowRank.pays(w, LowRank.rowLimit(16, 3, true, AlsConfig.DEFAULT_LOW_RANK), 16, 3, true))
                .isTrue();
        AlsFactors cholesky = new AlsTrainer(config(16, 6, true, 1).withLowRank(0)).fit(w);
        AlsFactors both = new AlsTrainer(config(16, 6, true, 1)).fit(w);
        AlsFactors withCg = new AlsTrainer(config(16, 6, false, 1)).fit(w);
        for (int i = 0; i < 6; i++) {
            // Both exact: the same iterates up to rounding.
            assertThat(both.losses()[i]).isCloseTo(cholesky.losses()[i], withinPercentage(1e-3));
        }
        assertThat(both.users()).containsExactly(cholesky.users(), within(1e-3f));
        // With CG for the items (3 steps at rank 16 are not exact), exact user rows leave a lower objective than
        // CG for both sides.
        AlsFactors cgOnly = new AlsTrainer(config(16, 6, false, 1).withLowRank(0)).fit(w);
        assertThat(withCg.losses()[5]).isLessThan(cgOnly.losses()[5]).isGreaterThan(cholesky.losses()[5]);
    }

    @Test
    void lowRankSolveIsDeterministicAndThreadCountFree() {
        CsrMatrix w = PLANTED.matrix(EventWeights.DEFAULT);
        AlsFactors one = new AlsTrainer(config(16, 3, false, 1)).fit(w);
        AlsFactors two = new AlsTrainer(config(16, 3, false, 2)).fit(w);
        AlsFactors again = new AlsTrainer(config(16, 3, false, 1)).fit(w);
        assertThat(two.users()).containsExactly(one.users());
        assertThat(two.items()).containsExactly(one.items());
        assertThat(again.losses()).containsExactly(one.losses());
        assertThat(new AlsTrainer(config(16, 3, false, 1).withLowRank(0)).fit(w).users())
                .isNotEqualTo(one.users());
    }

    @Test
    void lowRankSolveSurvivesZeroAlphaAndZeroRegularization() {
        CsrMatrix w = PLANTED.matrix(EventWeights.DEFAULT);
        // alpha 0: no row has a low-rank part, x = G^-1 b; compare with the exact solver without the shortcut.
        AlsConfig flat = new AlsConfig(6, 4, 0.1, 0, 3, true, 1, 42, EventWeights.DEFAULT, 1);
        double[] shortcut = new AlsTrainer(flat).fit(w).losses();
        double[] exact = new AlsTrainer(flat.withLowRank(0)).fit(w).losses();
        for (int i = 0; i < exact.length; i++) {
            assertThat(shortcut[i]).isCloseTo(exact[i], withinPercentage(1e-3));
        }
        // reg 0 on 60 items at rank 6 keeps G invertible; the objective still falls.
        AlsFactors plain = new AlsTrainer(new AlsConfig(6, 4, 0, 5, 3, false, 1, 42, EventWeights.DEFAULT, 1))
                .fit(w);
        assertThat(plain.losses()[3]).isLessThan(plain.losses()[0]);
    }

    @Test
    void recommendsUnseenItemsOfTheUsersOwnTasteGroup() {
        AlsModel model = new AlsTrainer(config(8, 10, false, 0)).train(PLANTED);
        int hits = 0;
        int total = 0;
        float[] scores = new float[model.itemCount()];
        for (int u = 0; u < PLANTED.numUsers(); u++) {
            int[] history = PLANTED.interactions().sequence(u);
            BitSet seen = new BitSet();
            for (int i : history) {
                seen.set(i);
            }
            model.scoreAll(new UserContext(u, history, ones(history.length), new int[0]), scores);
            for (int i : TopK.select(scores, 5, seen)) {
                total++;
                if (Planted.group(i, 4) == Planted.group(u, 4)) {
                    hits++;
                }
            }
        }
        // A taste-blind model would hit a quarter of the time.
        assertThat((double) hits / total).isGreaterThan(0.85);
    }

    @Test
    void refusesASnapshotWithoutInteractions() {
        SnapshotBuilder b = new SnapshotBuilder("empty");
        Snapshot empty = b.build();
        assertThatThrownBy(() -> new AlsTrainer(AlsConfig.defaults()).train(empty))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no interactions");

        SnapshotBuilder impressions = new SnapshotBuilder("impressions-only");
        impressions.addEvent("u1", "i1", EventType.IMPRESSION.ordinal(), 1f, 1L);
        assertThatThrownBy(() -> new AlsTrainer(AlsConfig.defaults()).train(impressions.build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("positive weight");
    }

    @Test
    void refusesNegativeOrNonFiniteWeights() {
        CsrMatrix bad = new CsrMatrix(1, 2, new int[] {0, 2}, new int[] {0, 1}, new float[] {1f, -2f});
        assertThatThrownBy(() -> new AlsTrainer(AlsConfig.defaults()).fit(bad))
                .isInstanceOf(ValidationException.class).hasMessageContaining("weight -2.0");
    }

    @Test
    void rejectsBadSettingsNamingEachParameter() {
        assertThatThrownBy(() -> new AlsConfig(0, 0, -1, -2, 0, false, 0, 1, EventWeights.DEFAULT, -1))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .extracting(p -> p.field())
                        .containsExactly("rank", "iterations", "reg", "alpha", "cg-steps", "recency", "threads"));
        assertThatThrownBy(() -> Algorithms.parse("als:rank=2000"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rank").hasMessageContaining("1024");
        assertThatThrownBy(() -> Algorithms.parse("als:reg=-0.5"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reg");
        assertThatThrownBy(() -> Algorithms.parse("als:solver=lu"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cg, cholesky");
        assertThatThrownBy(() -> Algorithms.parse("als:lowrank=-1"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("lowrank");
        assertThatThrownBy(() -> Algorithms.parse("als:lowrank=300"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("lowrank")
                .hasMessageContaining("<= 256");
    }

    @Test
    void specStringConfiguresTheTrainer() {
        var spec = Algorithms.parse("als:rank=32,iterations=7,reg=0.05,alpha=20,cg-steps=4,lowrank=12");
        AlsConfig c = ((AlsTrainer) spec.trainer()).config();
        assertThat(c.rank()).isEqualTo(32);
        assertThat(c.iterations()).isEqualTo(7);
        assertThat(c.reg()).isEqualTo(0.05);
        assertThat(c.alpha()).isEqualTo(20);
        assertThat(c.cgSteps()).isEqualTo(4);
        assertThat(c.lowRank()).isEqualTo(12);
        assertThat(c.toParams()).containsEntry("lowrank", "12");
        assertThat(AlsConfig.defaults().lowRank()).isEqualTo(AlsConfig.DEFAULT_LOW_RANK);
        assertThat(Algorithms.standard().searchSpace("als")).extracting(p -> p.name())
                .contains("rank", "reg", "alpha").doesNotContain("threads", "seed");
    }

    @Test
    void divergenceStopsTrainingWithAClearMessage() {
        // Confidence 1 + 1e38 * 5 overflows float: the objective turns infinite or NaN in the first iteration.
        AlsConfig wild = new AlsConfig(4, 3, 0.1, 1e38, 3, false, 1, 1, EventWeights.DEFAULT, 1);
        assertThatThrownBy(() -> new AlsTrainer(wild).train(PLANTED))
                .isInstanceOf(TailorException.class).hasMessageContaining("als diverged in epoch 1")
                .hasMessageContaining("raise reg or lower alpha");
    }

    @Test
    void fitsAnArbitraryMatrix() {
        CsrMatrix m = Planted.randomMatrix(50, 30, 0.2, new Random(3));
        AlsFactors f = new AlsTrainer(config(6, 4, false, 2)).fit(m);
        assertThat(f.numUsers()).isEqualTo(50);
        assertThat(f.numItems()).isEqualTo(30);
        assertThat(f.iterationNanos()).hasSize(4);
        assertThat(java.util.Arrays.stream(f.iterationNanos()).min().orElseThrow()).isPositive();
    }

    static float[] ones(int n) {
        float[] w = new float[n];
        java.util.Arrays.fill(w, 1f);
        return w;
    }
}
