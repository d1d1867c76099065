// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;
import dev.tailor.sequential.SequentialModels;
import dev.tailor.sequential.model.EpochStats;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.model.Synthetic;
import dev.tailor.sequential.train.LearningCurve;
import dev.tailor.sequential.train.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SasRecTrainerTest {
    private static final int ITEMS = 30;
    private static Snapshot data;
    private static SequentialModel model;

    @BeforeAll
    static void train() {
        data = Synthetic.chains(400, ITEMS, 1);
        TrainConfig tc = TrainConfig.defaults().withMaxLength(8).withEpochs(25, 5).withLearningRate(0.01f)
                .withBatchSize(32).withNegatives(0).withThreads(2);
        model = new SasRecTrainer(new SasRecConfig(16, 1, 2, 0.1f, tc)).train(data);
    }

    private static int index(int number) {
        return data.items().indexOf("i" + number);
    }

    @Test
    void learnsThePlantedSuccessorToNearPerfectHitRate() {
        SplittableRandom r = new SplittableRandom(5);
        float[] scores = new float[model.itemCount()];
        int hits = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            int len = 1 + r.nextInt(6);
            int item = r.nextInt(ITEMS);
            int[] seq = new int[len];
            for (int i = 0; i < len; i++) {
                seq[i] = index(item);
                item = Synthetic.successor(item, ITEMS);
            }
            model.scoreSession(seq, scores);
            if (TopK.select(scores, 1, null)[0] == index(item)) {
                hits++;
            }
        }
        assertThat(hits / (double) trials).as("learning curve %s", model.trainingLog()).isGreaterThanOrEqualTo(0.95);
        EpochStats best = model.trainingLog().stream().max((a, b) -> Double.compare(a.validNdcg10(), b.validNdcg10()))
                .orElseThrow();
        assertThat(best.validHit10()).isGreaterThan(0.9);
    }

    @Test
    void sequencesLongerThanNAreTruncatedToTheNewestN() {
        int[] longSeq = new int[20];
        for (int i = 0; i < longSeq.length; i++) {
            longSeq[i] = index((i * 11) % ITEMS);
        }
        float[] full = new float[ITEMS];
        float[] tail = new float[ITEMS];
        model.scoreAll(UserContext.of(-1, longSeq), full);
        model.scoreAll(UserContext.of(-1, Arrays.copyOfRange(longSeq, 12, 20)), tail);
        assertThat(full).containsExactly(tail);
    }

    @Test
    void unknownItemsAndZeroWeightEntriesAreDropped() {
        int a = index(1);
        int b = index(Synthetic.successor(1, ITEMS));
        float[] clean = new float[ITEMS];
        float[] noisy = new float[ITEMS];
        model.scoreSession(new int[] {a, b}, clean);
        model.scoreAll(new UserContext(3, new int[] {-5, a, 9999, index(7), b}, new float[] {1, 1, 1, 0, 1},
                new int[0]), noisy);
        assertThat(noisy).containsExactly(clean);
    }

    @Test
    void anEmptyOrAllUnknownSequenceScoresByPopularity() {
        float[] empty = new float[ITEMS];
        float[] unknown = new float[ITEMS];
        model.scoreAll(UserContext.anonymous(), empty);
        model.scoreSession(new int[] {-1, ITEMS + 3}, unknown);
        assertThat(empty).containsExactly(model.popularity());
        assertThat(unknown).containsExactly(model.popularity());
    }

    @Test
    void batchScoringEqualsOneByOne() {
        int[][] seqs = {{index(1), index(2)}, {}, {index(5)}};
        float[] batch = new float[seqs.length * ITEMS];
        model.scoreBatch(seqs, batch);
        for (int s = 0; s < seqs.length; s++) {
            float[] one = new float[ITEMS];
            model.scoreSession(seqs[s], one);
            for (int i = 0; i < ITEMS; i++) {
                assertThat(batch[s * ITEMS + i]).isCloseTo(one[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void savedModelScoresIdentically(@TempDir Path dir) {
        Path file = dir.resolve("sasrec.tlsq");
        SequentialModels.save(model, file);
        SequentialModel back = SequentialModels.load(file);
        int[] seq = {index(4), index(Synthetic.successor(4, ITEMS))};
        float[] a = new float[ITEMS];
        float[] b = new float[ITEMS];
        model.scoreSession(seq, a);
        back.scoreSession(seq, b);
        assertThat(b).containsExactly(a);
        assertThat(back.provenance()).isEqualTo(model.provenance());
        assertThat(back.trainingLog()).isEqualTo(model.trainingLog());
    }

    @Test
    void aCorruptedModelFileFailsWithAClearMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.tlsq");
        SequentialModels.save(model, file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
        assertThatThrownBy(() -> SequentialModels.load(file)).hasMessageContaining("checksum");
        Files.write(file, Arrays.copyOf(bytes, 100));
        assertThatThrownBy(() -> SequentialModels.load(file)).hasMessageContaining("truncated");
    }

    @Test
    void learningCurveIsWrittenAsCsvAndPng(@TempDir Path dir) throws Exception {
        LearningCurve.writeCsv(model.trainingLog(), dir.resolve("curve.csv"));
        LearningCurve.writePng(model.trainingLog(), dir.resolve("curve.png"));
        assertThat(Files.readAllLines(dir.resolve("curve.csv"))).hasSize(model.trainingLog().size() + 1)
                .first().asString().startsWith("epoch,train_loss,valid_ndcg10");
        assertThat(javax.imageio.ImageIO.read(dir.resolve("curve.png").toFile()).getWidth()).isPositive();
    }

    @Test
    void dataWithoutTransitionsIsRejectedNamingTheProblem() {
        SnapshotBuilder b = new SnapshotBuilder("singletons");
        b.addEvent("u1", "a", EventType.PURCHASE.ordinal(), 1f, 1L);
        b.addEvent("u2", "b", EventType.PURCHASE.ordinal(), 1f, 1L);
        assertThatThrownBy(() -> new SasRecTrainer(SasRecConfig.defaults()).train(b.build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("next-item transition");
    }
}
