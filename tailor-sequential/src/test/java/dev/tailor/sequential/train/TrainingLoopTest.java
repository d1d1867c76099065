// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import dev.tailor.sequential.gru.GruConfig;
import dev.tailor.sequential.gru.GruTrainer;
import dev.tailor.sequential.model.EpochStats;
import dev.tailor.sequential.model.Sequences;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.sasrec.SasRecConfig;
import dev.tailor.sequential.sasrec.SasRecTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Validation carved from the training data, early stopping and epoch reports, on small data (seconds). */
class TrainingLoopTest {
    /** Random sequences without a pattern: a model overfits them, so validation NDCG@10 rises, then falls. */
    private static final Snapshot NOISE = noise(300, 40, 3);
    private static final TrainConfig SMALL = TrainConfig.defaults().withMaxLength(8).withBatchSize(32)
            .withNegatives(0).withThreads(2).withValidationUsers(150);

    @Test
    void earlyStoppingEndsPatienceEpochsAfterTheBestAndReturnsTheBestEpochsWeights() {
        // A learning rate far too high for this data: the validation curve peaks early and then degrades.
        TrainConfig tc = SMALL.withLearningRate(0.05f).withEpochs(40, 3);
        SequentialModel model = new GruTrainer(new GruConfig(16, 0f, tc)).train(NOISE);

        List<EpochStats> log = model.trainingLog();
        int best = Integer.parseInt(model.provenance().config().get("best-epoch"));
        assertThat(log.size()).as("stopped early: %s", log).isLessThan(40).isEqualTo(best + 3);
        double bestNdcg = log.get(best - 1).validNdcg10();
        for (EpochStats e : log) {
            assertThat(e.validNdcg10()).as("epoch %d", e.epoch()).isLessThanOrEqualTo(bestNdcg);
        }
        assertThat(log.get(log.size() - 1).validNdcg10()).isLessThan(bestNdcg);
        // The returned weights are the best epoch's: ranking the validation users again gives its NDCG@10.
        assertThat(validationNdcg(model, tc)).isCloseTo(bestNdcg, Offset.offset(1e-9));
    }

    @Test
    void withoutValidationUsersItTrainsExactlyTheEpochsAndKeepsTheLast() {
        TrainConfig tc = SMALL.withValidationUsers(0).withLearningRate(0.01f).withEpochs(4, 1);
        SequentialModel model = new GruTrainer(new GruConfig(16, 0.1f, tc)).train(NOISE);

        assertThat(model.trainingLog()).hasSize(4)
                .allSatisfy(e -> assertThat(e.validNdcg10()).isNaN());
        assertThat(model.provenance().config()).containsEntry("best-epoch", "4");
    }

    @Test
    void theSameSeedTrainsTheSameModel() {
        TrainConfig tc = SMALL.withLearningRate(0.01f).withEpochs(3, 2).withNegatives(10);
        SasRecConfig cfg = new SasRecConfig(16, 1, 1, 0.2f, tc);
        SequentialModel a = new SasRecTrainer(cfg).train(NOISE);
        SequentialModel b = new SasRecTrainer(cfg).train(NOISE);
        SequentialModel c = new SasRecTrainer(cfg.withTrain(tc.withSeed(7))).train(NOISE);

        assertThat(b.parameters()).containsExactly(a.parameters());
        assertThat(curve(b)).containsExactly(curve(a));
        assertThat(c.parameters()).isNotEqualTo(a.parameters());
    }

    @Test
    void aListeningTrainerReportsLossAndValidationNdcgEveryEpoch() {
        TrainConfig tc = SMALL.withLearningRate(0.01f).withEpochs(3, 3);
        List<Epoch> epochs = new ArrayList<>();
        SequentialModel model = new SasRecTrainer(new SasRecConfig(16, 1, 1, 0.2f, tc)).withListener(epochs::add)
                .train(NOISE);

        assertThat(epochs).hasSize(2 * model.trainingLog().size());
        for (EpochStats s : model.trainingLog()) {
            Epoch loss = epochs.get(2 * (s.epoch() - 1));
            Epoch valid = epochs.get(2 * (s.epoch() - 1) + 1);
            assertThat(loss.algorithm()).isEqualTo("sasrec");
            assertThat(loss.metric()).isEqualTo(EpochReports.LOSS);
            assertThat(loss.value()).isEqualTo(s.trainLoss());
            assertThat(loss.epochs()).isEqualTo(3);
            assertThat(valid.metric()).isEqualTo(EpochReports.VALID_NDCG);
            assertThat(valid.value()).isEqualTo(s.validNdcg10());
            assertThat(valid.epoch()).isEqualTo(loss.epoch()).isEqualTo(s.epoch());
        }
    }

    /** The loop's validation rule, recomputed from the finished model: full ranking, input items masked. */
    private static double validationNdcg(SequentialModel model, TrainConfig tc) {
        Sequences.Flat flat = Sequences.of(NOISE.interactions(), tc.events(), tc.collapseRepeats());
        ValidationSplit split = ValidationSplit.holdOutLast(flat, tc.validationUsers(), tc.seed());
        float[] scores = new float[model.itemCount()];
        double ndcg = 0;
        for (int v = 0; v < split.size(); v++) {
            int u = split.user(v);
            int[] input = Arrays.copyOfRange(flat.items(), flat.ptr()[u], split.trainEnd(u));
            model.scoreSession(input, scores);
            int target = split.target(v);
            // The target keeps its score even when it was also bought before (it is in the mask).
            float ts = scores[target];
            for (int item : input) {
                scores[item] = Float.NEGATIVE_INFINITY;
            }
            int rank = 0;
            for (int i = 0; i < scores.length; i++) {
                if (i != target && scores[i] > ts) {
                    rank++;
                }
            }
            ndcg += rank < 10 ? 1 / (Math.log(rank + 2) / Math.log(2)) : 0;
        }
        return ndcg / split.size();
    }

    private static double[] curve(SequentialModel m) {
        double[] out = new double[2 * m.trainingLog().size()];
        for (EpochStats e : m.trainingLog()) {
            out[2 * e.epoch() - 2] = e.trainLoss();
            out[2 * e.epoch() - 1] = e.validNdcg10();
        }
        return out;
    }

    private static Snapshot noise(int users, int items, long seed) {
        SnapshotBuilder b = new SnapshotBuilder("noise");
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < items; i++) {
            b.addEvent("warmup", "i" + i, EventType.IMPRESSION.ordinal(), 1f, 0L);
        }
        for (int u = 0; u < users; u++) {
            int len = 3 + r.nextInt(8);
            for (int t = 0; t < len; t++) {
                b.addEvent("u" + u, "i" + r.nextInt(items), EventType.PURCHASE.ordinal(), 1f, 1000L * (t + 1));
            }
        }
        return b.build();
    }
}
