// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.bpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.oracle.Planted;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.ModelIO;
import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BprTrainerTest {
    private static final Snapshot FULL = Planted.clusters(200, 80, 4, 12, 0.9, 21);
    private static final Snapshot TRAIN = Planted.withoutLast(FULL);
    private static final int[] HELD_OUT = Planted.lastItems(FULL);

    private static BprConfig config(int epochs, int threads) {
        return new BprConfig(16, epochs, 0.05, 0.01, true, 7, EventWeights.DEFAULT, threads);
    }

    @Test
    void heldOutAucRisesWellAboveChance() {
        double early = Planted.heldOutAuc(new BprTrainer(config(1, 1)).train(TRAIN), TRAIN, HELD_OUT);
        double late = Planted.heldOutAuc(new BprTrainer(config(40, 1)).train(TRAIN), TRAIN, HELD_OUT);
        assertThat(late).isGreaterThan(0.8).isGreaterThan(early + 0.1);
    }

    @Test
    void hogwildOnSeveralThreadsLearnsAsWell() {
        double auc = Planted.heldOutAuc(new BprTrainer(config(40, 2)).train(TRAIN), TRAIN, HELD_OUT);
        assertThat(auc).isGreaterThan(0.8);
    }

    @Test
    void oneThreadWithAFixedSeedIsReproducible() {
        BprTrainer.Factors a = new BprTrainer(config(3, 1)).fit(TRAIN.matrix(EventWeights.DEFAULT));
        BprTrainer.Factors b = new BprTrainer(config(3, 1)).fit(TRAIN.matrix(EventWeights.DEFAULT));
        assertThat(b.users()).containsExactly(a.users());
        assertThat(b.items()).containsExactly(a.items());
        assertThat(b.itemBias()).containsExactly(a.itemBias());
        BprConfig otherSeed = new BprConfig(16, 3, 0.05, 0.01, true, 8, EventWeights.DEFAULT, 1);
        assertThat(new BprTrainer(otherSeed).fit(TRAIN.matrix(EventWeights.DEFAULT)).items())
                .isNotEqualTo(a.items());
    }

    @Test
    void lossFallsAndEveryEpochIsReported() {
        List<Epoch> epochs = new ArrayList<>();
        new BprTrainer(config(20, 1), epochs::add).train(TRAIN);
        assertThat(epochs).hasSize(20).extracting(Epoch::metric).containsOnly("bpr-loss");
        // ln 2 is the loss of a model that knows nothing.
        assertThat(epochs.get(0).value()).isCloseTo(Math.log(2), org.assertj.core.data.Offset.offset(0.05));
        assertThat(epochs.get(19).value()).isLessThan(epochs.get(0).value() * 0.7);
    }

    @Test
    void visitorIsPlacedAmongUsersWithTheSameTaste() {
        BprModel model = new BprTrainer(config(40, 1)).train(TRAIN);
        int group = 2;
        UserContext visitor = UserContext.of(-1, new int[] {group, group + 4, group + 8, group + 12});
        float[] scores = new float[model.itemCount()];
        model.scoreAll(visitor, scores);
        java.util.BitSet seen = new java.util.BitSet();
        for (int i : visitor.items()) {
            seen.set(i);
        }
        int hits = 0;
        for (int i : TopK.select(scores, 5, seen)) {
            hits += Planted.group(i, 4) == group ? 1 : 0;
        }
        assertThat(hits).isGreaterThanOrEqualTo(4);
        model.scoreAll(UserContext.anonymous(), scores);
        for (float s : scores) {
            assertThat(s).isGreaterThanOrEqualTo(-1f).isNegative();
        }
    }

    @Test
    void divergenceStopsTrainingWithAClearMessage() {
        // lr * reg = 10: every step multiplies the factors by about -9.
        BprConfig wild = new BprConfig(8, 5, 10, 1, true, 1, EventWeights.DEFAULT, 1);
        assertThatThrownBy(() -> new BprTrainer(wild).train(TRAIN)).isInstanceOf(TailorException.class)
                .hasMessageContaining("bpr diverged").hasMessageContaining("lower lr");
    }

    @Test
    void refusesEmptyDataAndBadSettings() {
        assertThatThrownBy(() -> new BprTrainer(config(1, 1)).train(new SnapshotBuilder("empty").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no interactions");
        assertThatThrownBy(() -> new BprConfig(0, 0, 0, -1, true, 1, EventWeights.DEFAULT, -2))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("rank", "epochs", "lr", "reg", "threads"));
        assertThatThrownBy(() -> Algorithms.parse("bpr:lr=0")).hasMessageContaining("'lr'");
    }

    @Test
    void savedModelScoresExactlyLikeTheOriginal() {
        BprModel model = (BprModel) Algorithms.parse("bpr:rank=8,epochs=3").train(TRAIN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelIO.standard().write(model, out);
        SavableModel loaded = ModelIO.standard().read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(loaded.provenance()).isEqualTo(model.provenance());
        for (UserContext ctx : new UserContext[] {UserContext.of(3, new int[0]), UserContext.of(-1, new int[] {1, 2}),
                UserContext.anonymous()}) {
            float[] a = new float[model.itemCount()];
            float[] b = new float[model.itemCount()];
            model.scoreAll(ctx, a);
            loaded.scoreAll(ctx, b);
            assertThat(b).containsExactly(a);
        }
    }
}
