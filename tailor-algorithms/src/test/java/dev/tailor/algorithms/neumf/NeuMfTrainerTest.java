// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.neumf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.oracle.Planted;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.ModelIO;
import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.UserContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NeuMfTrainerTest {
    private static final Snapshot FULL = Planted.clusters(200, 80, 4, 12, 0.9, 21);
    private static final Snapshot TRAIN = Planted.withoutLast(FULL);
    private static final int[] HELD_OUT = Planted.lastItems(FULL);

    private static NeuMfConfig config(int epochs) {
        return new NeuMfConfig(8, 16, 2, 4, epochs, 0.05, 1e-5, 3, EventWeights.DEFAULT, 1);
    }

    /** Back-propagated gradients against central differences of the loss, for every parameter a step touches. */
    @Test
    void gradientsMatchFiniteDifferences() {
        int[] widths = {6, 3};
        for (int seed = 1; seed <= 3; seed++) {
            Network net = Network.random(3, 4, 5, 6, widths, new SplittableRandom(seed));
            // Larger weights than the initialization so that every unit carries gradient.
            for (float[] t : net.tables()) {
                for (int k = 0; k < t.length; k++) {
                    t[k] *= 4;
                }
            }
            Network acc = Network.zeros(3, 4, 5, 6, widths);
            int u = 1;
            int i = 2;
            float y = seed % 2;
            Map<float[], float[]> grads = new IdentityHashMap<>();
            NeuMfTrainer.Scratch scratch = new NeuMfTrainer.Scratch(net);
            NeuMfTrainer.step(net, acc, u, i, y, 0f, scratch,
                    (theta, a, k, g) -> grads.computeIfAbsent(theta, t -> new float[t.length])[k] += g);
            // Dense gradients wait in the scratch for the mini-batch update; embedding ones went to the sink.
            float[][] dense = net.denseTables();
            float[][] denseGrad = scratch.grad.denseTables();
            for (int t = 0; t < dense.length; t++) {
                grads.put(dense[t], denseGrad[t]);
            }
            int checked = 0;
            for (Map.Entry<float[], float[]> e : grads.entrySet()) {
                float[] theta = e.getKey();
                for (int k = 0; k < theta.length; k++) {
                    float original = theta[k];
                    double h = 1e-3;
                    theta[k] = (float) (original + h);
                    double up = loss(net, u, i, y);
                    theta[k] = (float) (original - h);
                    double down = loss(net, u, i, y);
                    theta[k] = original;
                    double numeric = (up - down) / (2 * h);
                    assertThat((double) e.getValue()[k]).as("seed %d, table %d, parameter %d", seed,
                            java.util.Arrays.asList(net.tables()).indexOf(theta), k)
                            .isCloseTo(numeric, within(2e-3 + 0.02 * Math.abs(numeric)));
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(100);
        }
    }

    private static double loss(Network net, int u, int i, float y) {
        NeuMfTrainer.Scratch s = new NeuMfTrainer.Scratch(net);
        return NeuMfTrainer.crossEntropy(net.forward(u, i, s.z, s.gmf), y);
    }

    @Test
    void heldOutAucRisesWellAboveChanceAndLossFalls() {
        List<Epoch> epochs = new ArrayList<>();
        NeuMfModel model = new NeuMfTrainer(config(15), epochs::add).train(TRAIN);
        assertThat(Planted.heldOutAuc(model, TRAIN, HELD_OUT)).isGreaterThan(0.8);
        assertThat(epochs).hasSize(15).extracting(Epoch::metric).containsOnly("bce");
        assertThat(epochs.get(14).value()).isLessThan(epochs.get(0).value());
    }

    @Test
    void fastScoringEqualsThePlainForwardPass() {
        NeuMfModel model = new NeuMfTrainer(config(2)).train(TRAIN);
        float[] scores = new float[model.itemCount()];
        model.scoreAll(UserContext.of(5, new int[0]), scores);
        for (int i = 0; i < scores.length; i++) {
            assertThat(scores[i]).isCloseTo(model.logit(5, i), within(1e-4f));
        }
        model.scoreAll(UserContext.of(-1, new int[] {1, 2}), scores);
        for (float s : scores) {
            assertThat(s).isGreaterThanOrEqualTo(-1f).isNegative();
        }
    }

    @Test
    void oneThreadWithAFixedSeedIsReproducible() {
        Network a = new NeuMfTrainer(config(2)).fit(TRAIN.matrix(EventWeights.DEFAULT));
        Network b = new NeuMfTrainer(config(2)).fit(TRAIN.matrix(EventWeights.DEFAULT));
        float[][] ta = a.tables();
        float[][] tb = b.tables();
        for (int t = 0; t < ta.length; t++) {
            assertThat(tb[t]).containsExactly(ta[t]);
        }
    }

    @Test
    void refusesEmptyDataAndBadSettings() {
        assertThatThrownBy(() -> new NeuMfTrainer(config(1)).train(new SnapshotBuilder("empty").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no interactions");
        assertThatThrownBy(() -> new NeuMfConfig(0, 1, 0, 0, 0, 0, -1, 1, EventWeights.DEFAULT, -1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .containsExactly("factors", "mlp-dim", "layers", "negatives", "epochs", "lr", "reg",
                                "threads"));
        assertThatThrownBy(() -> Algorithms.parse("neumf:mlp-dim=4,layers=4")).hasMessageContaining("too small");
    }

    @Test
    void savedModelScoresExactlyLikeTheOriginal() {
        NeuMfModel model = (NeuMfModel) Algorithms.parse("neumf:factors=4,mlp-dim=8,epochs=2").train(TRAIN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelIO.standard().write(model, out);
        SavableModel loaded = ModelIO.standard().read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(loaded.provenance()).isEqualTo(model.provenance());
        float[] a = new float[model.itemCount()];
        float[] b = new float[model.itemCount()];
        model.scoreAll(UserContext.of(7, new int[0]), a);
        loaded.scoreAll(UserContext.of(7, new int[0]), b);
        assertThat(b).containsExactly(a);
    }
}
