// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.oracle.Dense;
import dev.tailor.algorithms.oracle.Planted;
import dev.tailor.algorithms.registry.ModelIO;
import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlsModelTest {
    private static final Snapshot PLANTED = Planted.clusters(80, 40, 4, 8, 0.9, 11);
    private static final AlsConfig CONFIG = new AlsConfig(6, 8, 0.5, 3, 3, false, 1, 5, EventWeights.DEFAULT, 1);
    private static final AlsModel MODEL = new AlsTrainer(CONFIG).train(PLANTED);

    @Test
    void knownUserWithUnchangedHistoryIsScoredWithTrainedFactors() {
        int u = 3;
        UserContext ctx = UserContext.of(u, PLANTED.interactions().sequence(u));
        float[] x = MODEL.userVector(ctx).orElseThrow();
        float[] scores = new float[MODEL.itemCount()];
        MODEL.scoreAll(ctx, scores);
        for (int i = 0; i < MODEL.itemCount(); i++) {
            double expected = 0;
            float[] y = MODEL.itemVector(i);
            for (int f = 0; f < MODEL.rank(); f++) {
                expected += (double) x[f] * y[f];
            }
            assertThat(scores[i]).isCloseTo((float) expected, within(1e-5f));
        }
    }

    @Test
    void foldInSolvesTheUsersLeastSquaresProblemOverEveryItem() {
        // A visitor with repeated items and mixed weights: repeats add up, as in the training matrix.
        int[] items = {5, 9, 5, 17, 30};
        float[] weights = {1f, 3f, 2f, 5f, 1f};
        UserContext visitor = new UserContext(-1, items, weights, new int[0]);
        float[] x = MODEL.userVector(visitor).orElseThrow();
        double[] expected = oracleFoldIn(MODEL, CONFIG, items, weights);
        assertThat(Dense.maxAbsDiff(expected, x, 0)).isLessThan(1e-4 * Math.max(1, Dense.maxAbs(expected)));
    }

    @Test
    void withRecencyEveryContextIsFoldedInWithDecayedWeights() {
        AlsConfig decaying = new AlsConfig(6, 8, 0.5, 3, 3, false, 0.5, 5, EventWeights.DEFAULT, 1);
        AlsModel model = new AlsTrainer(decaying).train(PLANTED);
        int u = 3;
        int[] history = PLANTED.interactions().sequence(u);
        float[] ones = new float[history.length];
        java.util.Arrays.fill(ones, 1f);
        // Even a known user with an unchanged history: trained factors know nothing of recency.
        float[] x = model.userVector(new UserContext(u, history, ones, new int[0])).orElseThrow();
        float[] decayed = new float[history.length];
        for (int h = 0; h < history.length; h++) {
            decayed[h] = (float) Math.pow(0.5, history.length - 1 - h);
        }
        double[] expected = oracleFoldIn(model, decaying, history, decayed);
        assertThat(Dense.maxAbsDiff(expected, x, 0)).isLessThan(1e-4 * Math.max(1, Dense.maxAbs(expected)));
    }

    @Test
    void recencyCanBeChangedWithoutRetraining() {
        AlsConfig decaying = new AlsConfig(6, 8, 0.5, 3, 3, false, 0.5, 5, EventWeights.DEFAULT, 1);
        AlsModel trained = new AlsTrainer(decaying).train(PLANTED);
        AlsModel derived = MODEL.withRecency(0.5);
        UserContext ctx = UserContext.of(3, PLANTED.interactions().sequence(3));
        float[] a = new float[MODEL.itemCount()];
        float[] b = new float[MODEL.itemCount()];
        trained.scoreAll(ctx, a);
        derived.scoreAll(ctx, b);
        assertThat(b).containsExactly(a);
        assertThat(derived.provenance().config()).isEqualTo(trained.provenance().config());
    }

    /** argmin of the user's ALS objective over every item, by dense normal equations. */
    private static double[] oracleFoldIn(AlsModel model, AlsConfig config, int[] items, float[] weights) {
        int k = model.rank();
        double[] w = new double[model.itemCount()];
        for (int h = 0; h < items.length; h++) {
            w[items[h]] += weights[h];
        }
        double[][] a = new double[k][k];
        double[] b = new double[k];
        for (int i = 0; i < model.itemCount(); i++) {
            float[] y = model.itemVector(i);
            double c = 1 + config.alpha() * w[i];
            double p = w[i] > 0 ? 1 : 0;
            for (int f = 0; f < k; f++) {
                b[f] += c * p * y[f];
                for (int g = 0; g < k; g++) {
                    a[f][g] += c * y[f] * y[g];
                }
            }
        }
        for (int f = 0; f < k; f++) {
            a[f][f] += config.reg();
        }
        return Dense.solve(a, b);
    }

    @Test
    void aFreshEventChangesTheRecommendationsWithoutRetraining() {
        int u = 2;
        int[] history = PLANTED.interactions().sequence(u);
        float[] before = new float[MODEL.itemCount()];
        MODEL.scoreAll(UserContext.of(u, history), before);

        // Three purchases from another taste group, posted after training.
        int otherGroup = (Planted.group(u, 4) + 1) % 4;
        int[] fresh = java.util.Arrays.copyOf(history, history.length + 3);
        float[] weights = new float[fresh.length];
        java.util.Arrays.fill(weights, 1f);
        for (int e = 0; e < 3; e++) {
            fresh[history.length + e] = otherGroup + 4 * e;
            weights[history.length + e] = 5f;
        }
        float[] after = new float[MODEL.itemCount()];
        MODEL.scoreAll(new UserContext(u, fresh, weights, new int[0]), after);
        int probe = otherGroup + 4 * 5;
        int own = Planted.group(u, 4);
        assertThat(after[probe] - after[own]).isGreaterThan(before[probe] - before[own]);
    }

    @Test
    void visitorWithoutHistoryGetsPopularityOrder() {
        float[] scores = new float[MODEL.itemCount()];
        MODEL.scoreAll(UserContext.anonymous(), scores);
        int[] counts = PLANTED.matrix(EventWeights.DEFAULT).columnCounts();
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        assertThat(TopK.select(scores, 1, null)[0]).isEqualTo(best);
        for (float s : scores) {
            assertThat(s).isBetween(-1f, 0f);
        }
        assertThat(MODEL.userVector(UserContext.anonymous())).isEmpty();
    }

    @Test
    void unknownItemsAndNonPositiveWeightsInTheContextAreIgnored() {
        UserContext noisy = new UserContext(-1, new int[] {4, 999, -1, 7}, new float[] {1f, 1f, 1f, 0f},
                new int[0]);
        UserContext clean = new UserContext(-1, new int[] {4}, new float[] {1f}, new int[0]);
        assertThat(MODEL.userVector(noisy).orElseThrow()).containsExactly(MODEL.userVector(clean).orElseThrow());
    }

    @Test
    void savedModelScoresExactlyLikeTheOriginal(@TempDir Path dir) {
        Path file = dir.resolve("als.model");
        ModelIO.standard().save(MODEL, file);
        SavableModel loaded = ModelIO.standard().load(file);
        assertThat(loaded).isInstanceOf(AlsModel.class);
        assertThat(loaded.provenance()).isEqualTo(MODEL.provenance());
        for (UserContext ctx : new UserContext[] {UserContext.of(1, PLANTED.interactions().sequence(1)),
                UserContext.of(-1, new int[] {3, 8}), UserContext.anonymous()}) {
            float[] a = new float[MODEL.itemCount()];
            float[] b = new float[MODEL.itemCount()];
            MODEL.scoreAll(ctx, a);
            loaded.scoreAll(ctx, b);
            assertThat(b).containsExactly(a);
        }
    }

    @Test
    void truncatedFileFailsClearly() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelIO.standard().write(MODEL, out);
        byte[] bytes = java.util.Arrays.copyOf(out.toByteArray(), out.size() / 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ModelIO.standard().read(new ByteArrayInputStream(bytes)))
                .hasMessageContaining("truncated");
    }

    @Test
    void provenanceNamesDataConfigAndSeed() {
        assertThat(MODEL.provenance().algorithm()).isEqualTo("als");
        assertThat(MODEL.provenance().seed()).isEqualTo(5);
        assertThat(MODEL.provenance().dataFingerprint()).isEqualTo(PLANTED.fingerprint());
        assertThat(MODEL.provenance().config()).containsEntry("rank", "6").containsEntry("alpha", "3")
                .doesNotContainKey("threads");
    }
}
