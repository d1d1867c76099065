// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.twotower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TwoTowerTrainerTest {
    private static PlantedData data;

    @BeforeAll
    static void plant() {
        data = new PlantedData(4, 40, 10, 24, 600, 6, 0.9, 7);
    }

    private static TwoTowerConfig config() {
        return TwoTowerConfig.defaults().withHidden(16).withBatchSize(64).withMaxEpochs(25).withPatience(5)
                .withTemperature(0.1f).withLearningRate(3e-3f).withValidation(0.15, 200);
    }

    /**
     * Share of same-group items in the top 10 among cold items only, for fresh customers with 3 warm items of one
     * group: measures what the adapter learned about text, on items it never saw in training.
     */
    private static double coldPrecision(TwoTowerModel model) {
        SplittableRandom r = new SplittableRandom(99);
        int n = data.snapshot.numItems();
        BitSet warm = new BitSet(n);
        for (int i = 0; i < n; i++) {
            if (!data.isCold(i)) {
                warm.set(i);
            }
        }
        float[] scores = new float[n];
        int hits = 0;
        int total = 0;
        for (int c = 0; c < 100; c++) {
            int g = r.nextInt(data.groups);
            int[] hist = new int[3];
            for (int k = 0; k < 3; k++) {
                int item;
                do {
                    item = r.nextInt(n);
                } while (data.groupOf[item] != g || data.isCold(item));
                hist[k] = item;
            }
            model.scoreAll(UserContext.of(-1, hist), scores);
            for (int item : TopK.select(scores, 10, warm)) {
                hits += data.groupOf[item] == g ? 1 : 0;
                total++;
            }
        }
        return (double) hits / total;
    }

    @ParameterizedTest
    @EnumSource(Adapter.Activation.class)
    void learnsThePlantedPatternAndCarriesItToColdItems(Adapter.Activation act) {
        TwoTowerModel frozen = new TwoTowerTrainer(data.vectors, TwoTowerConfig.frozen()).train(data.snapshot);
        TwoTowerModel tuned = new TwoTowerTrainer(data.vectors, config().withActivation(act)).train(data.snapshot);
        double before = coldPrecision(frozen);
        double after = coldPrecision(tuned);
        TwoTowerModel.LearningCurve curve = tuned.learningCurve();
        assertThat(curve.best()).isPositive();
        TwoTowerModel.Epoch first = curve.epochs().get(0);
        TwoTowerModel.Epoch best = curve.epochs().get(curve.best());
        assertThat(best.validNdcg20()).isGreaterThan(first.validNdcg20() + 0.02);
        assertThat(curve.epochs().get(curve.epochs().size() - 1).trainLoss())
                .isLessThan(curve.epochs().get(1).trainLoss());
        // Chance is 0.25 (4 groups); the weak signal keeps frozen similarity far from perfect.
        assertThat(before).isLessThan(0.7);
        assertThat(after).isGreaterThan(0.85).isGreaterThan(before + 0.2);
    }

    @Test
    void shapesAndCustomerVector() {
        TwoTowerModel m = new TwoTowerTrainer(data.vectors, config().withMaxEpochs(2)).train(data.snapshot);
        int n = data.snapshot.numItems();
        assertThat(m.itemCount()).isEqualTo(n);
        assertThat(m.dim()).isEqualTo(data.dim);
        assertThat(m.adapter().parameterCount()).isEqualTo(2 * 16 * data.dim + 16 + data.dim);
        float[] v = m.itemVector(3);
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        float[] out = new float[n];
        m.scoreAll(UserContext.of(0, new int[] {3}), out);
        // One history item: the customer vector is that item's own vector, so it scores itself at cosine 1.
        assertThat(out[3]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        for (float s : out) {
            assertThat(s).isBetween(-1.0001f, 1.0001f);
        }
        m.scoreAll(UserContext.anonymous(), out);
        assertThat(out).containsOnly(0f);
        assertThatThrownBy(() -> m.scoreAll(UserContext.anonymous(), new float[n + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void frozenModelIsPlainCosineOfTheRecencyWeightedMean() {
        TwoTowerModel m = new TwoTowerTrainer(data.vectors, TwoTowerConfig.frozen().withHistory(2, 0.5f))
                .train(data.snapshot);
        int d = data.dim;
        int[] hist = {7, 1, 2};
        float[] out = new float[m.itemCount()];
        m.scoreAll(UserContext.of(-1, hist), out);
        // Oracle in double: only the last 2 items count, the older one at weight 0.5.
        double[] q = new double[d];
        for (int j = 0; j < d; j++) {
            q[j] = data.vectors.get(2, j) + 0.5 * data.vectors.get(1, j);
        }
        double qn = 0;
        for (double c : q) {
            qn += c * c;
        }
        qn = Math.sqrt(qn);
        for (int i = 0; i < m.itemCount(); i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += q[j] / qn * data.vectors.get(i, j);
            }
            assertThat((double) out[i]).isCloseTo(s, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void deterministicForASeed() {
        TwoTowerConfig c = config().withMaxEpochs(2);
        float[] a = new TwoTowerTrainer(data.vectors, c).train(data.snapshot).adapter().parameters();
        float[] b = new TwoTowerTrainer(data.vectors, c).train(data.snapshot).adapter().parameters();
        assertThat(a).containsExactly(b);
    }

    @Test
    void impressionsAndSearchesAreNotInterest() {
        var in = data.snapshot.interactions();
        var b = new dev.tailor.core.data.SnapshotBuilder("planted+impressions");
        java.util.List<dev.tailor.core.domain.Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < data.snapshot.numItems(); i++) {
            items.add(dev.tailor.core.domain.Item.builder(data.snapshot.items().id(i), "x").build());
        }
        b.upsertItems(items);
        SplittableRandom r = new SplittableRandom(1);
        for (int u = 0; u < in.numUsers(); u++) {
            for (int k = in.start(u); k < in.end(u); k++) {
                String user = data.snapshot.users().id(u);
                b.addEvent(user, data.snapshot.items().id(in.item(k)), in.typeOrdinal(k), in.value(k), in.time(k));
                b.addEvent(user, data.snapshot.items().id(r.nextInt(data.snapshot.numItems())),
                        dev.tailor.core.domain.EventType.IMPRESSION.ordinal(), 1f, in.time(k));
            }
        }
        var noisy = b.build();
        assertThat(noisy.items().toArray()).containsExactly(data.snapshot.items().toArray());
        TwoTowerConfig c = config().withMaxEpochs(2);
        float[] clean = new TwoTowerTrainer(data.vectors, c).train(data.snapshot).adapter().parameters();
        float[] withImpressions = new TwoTowerTrainer(data.vectors, c).train(noisy).adapter().parameters();
        assertThat(withImpressions).containsExactly(clean);
    }

    @Test
    void textlessItemsScoreZero() {
        float[] x = data.vectors.toArray();
        java.util.Arrays.fill(x, 5 * data.dim, 6 * data.dim, 0f);
        ItemVectors v = new ItemVectors("planted", data.vectors.count(), data.dim, x);
        TwoTowerModel m = new TwoTowerTrainer(v, config().withMaxEpochs(1)).train(data.snapshot);
        float[] out = new float[m.itemCount()];
        m.scoreAll(UserContext.of(0, new int[] {1, 2}), out);
        assertThat(out[5]).isZero();
        assertThat(m.itemVector(5)).containsOnly(0f);
    }

    @Test
    void saveLoadRoundTrip(@TempDir Path dir) {
        TwoTowerModel m = new TwoTowerTrainer(data.vectors, config().withMaxEpochs(2)).train(data.snapshot);
        Path file = dir.resolve("model.bin");
        TwoTowerFiles.save(m, data.snapshot.items(), file);
        TwoTowerModel back = TwoTowerFiles.load(file).requireItems(data.snapshot.items());
        float[] a = new float[m.itemCount()];
        float[] b = new float[m.itemCount()];
        UserContext ctx = UserContext.of(0, new int[] {4, 9, 2});
        m.scoreAll(ctx, a);
        back.scoreAll(ctx, b);
        assertThat(b).containsExactly(a);
        assertThat(back.provenance()).isEqualTo(m.provenance());
        assertThat(back.learningCurve()).isEqualTo(m.learningCurve());
        LearningCurves.writeCsv(m.learningCurve(), dir.resolve("curve.csv"));
        LearningCurves.writePng(m.learningCurve(), dir.resolve("curve.png"));
        assertThat(dir.resolve("curve.csv")).content().startsWith("epoch,train_loss").hasLineCount(4);
        assertThat(dir.resolve("curve.png")).isNotEmptyFile();
    }

    @Test
    void badInputIsNamed(@TempDir Path dir) throws Exception {
        ItemVectors wrong = new ItemVectors("x", 3, data.dim, new float[3 * data.dim]);
        assertThatThrownBy(() -> new TwoTowerTrainer(wrong, config()).train(data.snapshot))
                .isInstanceOf(ValidationException.class).hasMessageContaining("3 items");
        assertThatThrownBy(() -> config().withBatchSize(1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("batchSize");
        Path junk = dir.resolve("junk.bin");
        java.nio.file.Files.writeString(junk, "not a model");
        assertThatThrownBy(() -> TwoTowerFiles.load(junk)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not a two-tower model");
        assertThatThrownBy(() -> TwoTowerFiles.load(dir.resolve("missing.bin")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no two-tower model file");
    }
}
