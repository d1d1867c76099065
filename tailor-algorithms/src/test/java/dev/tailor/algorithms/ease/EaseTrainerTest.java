// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.oracle.Dense;
import dev.tailor.algorithms.oracle.Planted;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.ModelIO;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.BitSet;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class EaseTrainerTest {
    private static final Snapshot PLANTED = Planted.clusters(120, 60, 4, 10, 0.9, 3);

    private static EaseTrainer trainer(double lambda, int threads) {
        return new EaseTrainer(new EaseConfig(lambda, 1000, 1, EventWeights.DEFAULT, threads));
    }

    @Test
    void handComputedTwoItemCase() {
        // One user with both items, lambda 1: G = [[2, 1], [1, 2]], P = 1/3 [[2, -1], [-1, 2]],
        // B_01 = -P_01 / P_11 = (1/3) / (2/3) = 0.5.
        CsrMatrix x = new CsrMatrix(1, 2, new int[] {0, 2}, new int[] {0, 1}, new float[] {1f, 1f});
        float[] b = trainer(1, 1).fit(x);
        assertThat(b).containsExactly(new float[] {0f, 0.5f, 0.5f, 0f}, within(1e-7f));
    }

    @Property(tries = 80)
    void matchesTheClosedFormComputedWithADirectInverse(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 25) int items, @ForAll @DoubleRange(min = 0.5, max = 200) double lambda,
            @ForAll @IntRange(min = 1, max = 2) int threads) {
        Random random = new Random(seed);
        CsrMatrix x = Planted.randomMatrix(30, items, 0.3, random);
        float[] b = trainer(lambda, threads).fit(x);

        double[][] dx = Planted.dense(x);
        double[][] g = new double[items][items];
        for (double[] row : dx) {
            for (int i = 0; i < items; i++) {
                for (int j = 0; j < items; j++) {
                    g[i][j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < items; i++) {
            g[i][i] += lambda;
        }
        double[][] p = Dense.inverse(g);
        for (int i = 0; i < items; i++) {
            assertThat(b[i * items + i]).as("diagonal %d", i).isZero();
            for (int j = 0; j < items; j++) {
                double expected = (i == j ? 1 : 0) - p[i][j] / p[j][j];
                assertThat((double) b[i * items + j]).as("B[%d][%d]", i, j)
                        .isCloseTo(expected, within(1e-5 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    void recommendsUnseenItemsOfTheUsersOwnTasteGroup() {
        EaseModel model = trainer(100, 2).train(PLANTED);
        int hits = 0;
        int total = 0;
        float[] scores = new float[model.itemCount()];
        for (int u = 0; u < PLANTED.numUsers(); u++) {
            int[] history = PLANTED.interactions().sequence(u);
            BitSet seen = new BitSet();
            for (int i : history) {
                seen.set(i);
            }
            model.scoreAll(UserContext.of(u, history), scores);
            for (int i : TopK.select(scores, 5, seen)) {
                total++;
                hits += Planted.group(i, 4) == Planted.group(u, 4) ? 1 : 0;
            }
        }
        // Chance is 0.25; about six unseen own-group items remain per user, so 5 of 5 is near the ceiling.
        assertThat((double) hits / total).isGreaterThan(0.75);
    }

    @Test
    void scoresAreTheHistoryTimesTheWeights() {
        EaseModel model = trainer(10, 1).train(PLANTED);
        UserContext ctx = new UserContext(-1, new int[] {3, 7, 3}, new float[] {1f, 2f, 0.5f}, new int[0]);
        float[] scores = new float[model.itemCount()];
        model.scoreAll(ctx, scores);
        for (int j = 0; j < model.itemCount(); j++) {
            float expected = 1.5f * model.weight(3, j) + 2f * model.weight(7, j);
            assertThat(scores[j]).isCloseTo(expected, within(1e-6f));
        }
        model.scoreAll(UserContext.anonymous(), scores);
        for (float s : scores) {
            assertThat(s).isGreaterThanOrEqualTo(-1f).isNegative();
        }
    }

    @Test
    void recencyWeighsTheLatestEntriesMost() {
        EaseModel model = new EaseTrainer(new EaseConfig(10, 1000, 0.5, EventWeights.DEFAULT, 1)).train(PLANTED);
        UserContext ctx = new UserContext(-1, new int[] {3, 7, 3}, new float[] {1f, 2f, 0.5f}, new int[0]);
        float[] scores = new float[model.itemCount()];
        model.scoreAll(ctx, scores);
        // Newest first: 0.5 * 1 (item 3), 2 * 0.5 (item 7), 1 * 0.25 (item 3).
        for (int j = 0; j < model.itemCount(); j++) {
            float expected = 0.75f * model.weight(3, j) + 1f * model.weight(7, j);
            assertThat(scores[j]).isCloseTo(expected, within(1e-6f));
        }
    }

    @Test
    void recencyCanBeChangedWithoutRetraining() {
        EaseModel trained = new EaseTrainer(new EaseConfig(10, 1000, 0.5, EventWeights.DEFAULT, 1)).train(PLANTED);
        EaseModel derived = new EaseTrainer(new EaseConfig(10, 1000, 1, EventWeights.DEFAULT, 1)).train(PLANTED)
                .withRecency(0.5);
        UserContext ctx = UserContext.of(2, PLANTED.interactions().sequence(2));
        float[] a = new float[trained.itemCount()];
        float[] b = new float[trained.itemCount()];
        trained.scoreAll(ctx, a);
        derived.scoreAll(ctx, b);
        assertThat(b).containsExactly(a);
        assertThat(derived.provenance().config()).isEqualTo(trained.provenance().config());
    }

    @Test
    void refusesACatalogAboveTheLimitNamingBoth() {
        EaseTrainer small = new EaseTrainer(new EaseConfig(100, 50, 1, EventWeights.DEFAULT, 1));
        assertThatThrownBy(() -> small.train(PLANTED)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("max-items").hasMessageContaining("60 items")
                .hasMessageContaining("limit of 50").hasMessageContaining("12 * items^2 bytes");
    }

    @Test
    void refusesEmptySnapshotsAndBadSettings() {
        assertThatThrownBy(() -> trainer(10, 1).train(new SnapshotBuilder("empty").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no interactions");
        assertThatThrownBy(() -> new EaseConfig(0, 0, 0, EventWeights.DEFAULT, -1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("lambda", "max-items", "recency", "threads"));
        assertThatThrownBy(() -> Algorithms.parse("ease:max-items=50000")).hasMessageContaining("46340");
        assertThatThrownBy(() -> Algorithms.parse("ease:lambda=-3")).hasMessageContaining("lambda");
    }

    @Test
    void savedModelScoresExactlyLikeTheOriginal() {
        EaseModel model = (EaseModel) Algorithms.parse("ease:lambda=50").train(PLANTED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelIO.standard().write(model, out);
        SavableModel loaded = ModelIO.standard().read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(loaded.provenance()).isEqualTo(model.provenance());
        UserContext ctx = UserContext.of(4, PLANTED.interactions().sequence(4));
        float[] a = new float[model.itemCount()];
        float[] b = new float[model.itemCount()];
        model.scoreAll(ctx, a);
        loaded.scoreAll(ctx, b);
        assertThat(b).containsExactly(a);
    }
}
