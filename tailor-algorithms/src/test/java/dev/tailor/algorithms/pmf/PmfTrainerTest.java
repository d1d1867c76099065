// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.pmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.oracle.Planted;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.ModelIO;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.UserContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PmfTrainerTest {
    private static final Snapshot ALL = Planted.lowRankRatings(150, 100, 3, 0.3, 0.1, 5, null);
    /** Every fifth rating (by a hash of its position) is held out. */
    private static final Snapshot TRAIN = ALL.withInteractions("train",
            ALL.interactions().filter((u, k) -> !heldOut(k)));
    private static final Snapshot TEST = ALL.withInteractions("test", ALL.interactions().filter((u, k) -> heldOut(k)));

    private static boolean heldOut(int k) {
        return Integer.remainderUnsigned(k * 0x9E3779B9, 5) == 0;
    }

    private static PmfConfig config(int epochs, double lr, int threads) {
        return new PmfConfig(8, epochs, lr, 0.02, 0.01, 3, threads);
    }

    @Test
    void recoversAPlantedLowRankMatrix() {
        PmfModel model = new PmfTrainer(config(80, 0.02, 1)).train(TRAIN);
        Ratings train = Ratings.of(TRAIN);
        Ratings test = Ratings.of(TEST);
        double mean = train.mean();
        double model2 = 0;
        double baseline2 = 0;
        for (int r = 0; r < test.size(); r++) {
            double e = test.values()[r] - model.predict(test.users()[r], test.items()[r]);
            model2 += e * e;
            baseline2 += (test.values()[r] - mean) * (test.values()[r] - mean);
        }
        double rmse = Math.sqrt(model2 / test.size());
        double baseline = Math.sqrt(baseline2 / test.size());
        // The ratings are 3 + a rank-3 signal with standard deviation about 0.6 + noise 0.1.
        assertThat(rmse).isLessThan(0.5 * baseline);
    }

    @Test
    void trainingRmseFallsAndIsReportedEachEpoch() {
        List<Epoch> epochs = new ArrayList<>();
        new PmfTrainer(config(15, 0.02, 1), epochs::add).train(TRAIN);
        assertThat(epochs).hasSize(15).extracting(Epoch::metric).containsOnly("rmse");
        assertThat(epochs.get(14).value()).isLessThan(epochs.get(0).value());
    }

    @Test
    void oneThreadWithAFixedSeedIsReproducible() {
        PmfModel.Parameters a = new PmfTrainer(config(3, 0.02, 1)).fit(Ratings.of(TRAIN));
        PmfModel.Parameters b = new PmfTrainer(config(3, 0.02, 1)).fit(Ratings.of(TRAIN));
        assertThat(b.users()).containsExactly(a.users());
        assertThat(b.items()).containsExactly(a.items());
        assertThat(b.itemBias()).containsExactly(a.itemBias());
    }

    @Test
    void scoresArePredictionsAndVisitorsGetTheItemBaseline() {
        PmfModel model = new PmfTrainer(config(5, 0.02, 2)).train(TRAIN);
        float[] scores = new float[model.itemCount()];
        model.scoreAll(UserContext.of(4, new int[0]), scores);
        for (int i = 0; i < scores.length; i++) {
            assertThat(scores[i]).isCloseTo(model.predict(4, i), within(1e-5f));
        }
        model.scoreAll(UserContext.anonymous(), scores);
        for (int i = 0; i < scores.length; i++) {
            assertThat(scores[i]).isCloseTo(model.predict(-1, i), within(1e-6f));
        }
    }

    @Test
    void theLatestRatingOfAPairCounts() {
        SnapshotBuilder b = new SnapshotBuilder("revised");
        b.addEvent("u", "a", EventType.RATING.ordinal(), 2f, 10);
        b.addEvent("u", "b", EventType.RATING.ordinal(), 4f, 11);
        b.addEvent("u", "a", EventType.RATING.ordinal(), 5f, 12);
        b.addEvent("u", "b", EventType.VIEW.ordinal(), 1f, 13);
        Ratings r = Ratings.of(b.build());
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.values()).containsExactlyInAnyOrder(5f, 4f);
        assertThat(r.mean()).isEqualTo(4.5);
    }

    @Test
    void refusesDataWithoutRatingsAndBadSettings() {
        SnapshotBuilder views = new SnapshotBuilder("views");
        views.addEvent("u", "a", EventType.VIEW.ordinal(), 1f, 1);
        assertThatThrownBy(() -> new PmfTrainer(PmfConfig.defaults()).train(views.build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("none of the snapshot's 1 events");
        assertThatThrownBy(() -> new PmfTrainer(PmfConfig.defaults()).train(new SnapshotBuilder("e").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no interactions");
        assertThatThrownBy(() -> new PmfConfig(0, 0, -1, -1, -1, 1, -1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .containsExactly("rank", "epochs", "lr", "reg", "bias-reg", "threads"));
    }

    @Test
    void divergenceStopsTrainingWithAClearMessage() {
        assertThatThrownBy(() -> new PmfTrainer(config(20, 5, 1)).train(TRAIN)).isInstanceOf(TailorException.class)
                .hasMessageContaining("pmf diverged").hasMessageContaining("rmse");
    }

    @Test
    void savedModelPredictsExactlyLikeTheOriginal() {
        PmfModel model = (PmfModel) Algorithms.parse("pmf:rank=4,epochs=3").train(TRAIN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelIO.standard().write(model, out);
        SavableModel loaded = ModelIO.standard().read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(loaded.provenance()).isEqualTo(model.provenance());
        assertThat(((PmfModel) loaded).predict(7, 9)).isEqualTo(model.predict(7, 9));
    }
}
