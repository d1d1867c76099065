// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.error.ValidationException;
import dev.tailor.sequential.gru.GruConfig;
import dev.tailor.sequential.gru.GruTrainer;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.train.ItemInit;
import dev.tailor.sequential.train.TrainConfig;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Item embeddings started from "text" vectors on a task where the text carries the pattern: items come in
 * groups, items of a group have similar vectors, and a shopper's next item is another item of the same group.
 * A model that starts from those vectors should need less training to find the group than one that starts at
 * random.
 */
class TextInitTrainingTest {
    private static final int GROUPS = 10;
    private static final int PER_GROUP = 20;
    private static final int ITEMS = GROUPS * PER_GROUP;
    private static final int TEXT_DIM = 32;
    private static Snapshot data;
    private static ItemInit text;

    @BeforeAll
    static void data() {
        SnapshotBuilder b = new SnapshotBuilder("synthetic-groups");
        for (int i = 0; i < ITEMS; i++) {
            b.addEvent("warmup", "i" + i, EventType.IMPRESSION.ordinal(), 1f, 0L);
        }
        SplittableRandom r = new SplittableRandom(3);
        for (int u = 0; u < 800; u++) {
            int g = r.nextInt(GROUPS);
            int len = 4 + r.nextInt(5);
            // Distinct items, so the held-out last item is never masked as part of the history.
            int[] perm = permutation(PER_GROUP, r);
            for (int t = 0; t < len; t++) {
                b.addEvent("u" + u, "i" + (g * PER_GROUP + perm[t]), EventType.PURCHASE.ordinal(), 1f, 1000L * (t + 1));
            }
        }
        data = b.build();
        float[][] centre = new float[GROUPS][TEXT_DIM];
        for (float[] c : centre) {
            for (int j = 0; j < TEXT_DIM; j++) {
                c[j] = (float) gaussian(r);
            }
        }
        float[] v = new float[ITEMS * TEXT_DIM];
        for (int i = 0; i < ITEMS; i++) {
            int idx = data.items().indexOf("i" + i);
            for (int j = 0; j < TEXT_DIM; j++) {
                v[idx * TEXT_DIM + j] = centre[i / PER_GROUP][j] + 0.3f * (float) gaussian(r);
            }
        }
        text = new ItemInit(v, TEXT_DIM);
    }

    private static TrainConfig oneEpoch() {
        return TrainConfig.defaults().withMaxLength(8).withEpochs(1, 1).withLearningRate(0.005f).withBatchSize(32)
                .withNegatives(0).withValidationUsers(300).withThreads(2);
    }

    @Test
    void sasRecStartedFromTheTextLearnsTheGroupsFaster() {
        SasRecTrainer random = new SasRecTrainer(new SasRecConfig(16, 1, 1, 0.1f, oneEpoch()));
        SequentialModel plain = random.train(data);
        SequentialModel init = random.withItemInit(text).train(data);
        double hitPlain = plain.trainingLog().get(0).validHit10();
        double hitInit = init.trainingLog().get(0).validHit10();
        assertThat(hitInit).as("HR@10 after one epoch, text init vs random (%.3f)", hitPlain)
                .isGreaterThan(hitPlain + 0.15);
        assertThat(init.provenance().config()).containsEntry("item-init", "pca of 32-d vectors, 200 of 200 items");
        assertThat(plain.provenance().config()).doesNotContainKey("item-init");
        SequentialModel again = random.withItemInit(text).train(data);
        assertThat(again.trainingLog().get(0).validNdcg10()).isEqualTo(init.trainingLog().get(0).validNdcg10());
    }

    @Test
    void gruStartedFromTheTextLearnsTheGroupsFaster() {
        GruTrainer random = new GruTrainer(new GruConfig(16, 0.1f, oneEpoch()));
        double hitPlain = random.train(data).trainingLog().get(0).validHit10();
        double hitInit = random.withItemInit(text).train(data).trainingLog().get(0).validHit10();
        assertThat(hitInit).as("HR@10 after one epoch, text init vs random (%.3f)", hitPlain)
                .isGreaterThan(hitPlain + 0.15);
    }

    @Test
    void wrongRowCountFailsBeforeTraining() {
        SasRecTrainer t = new SasRecTrainer(new SasRecConfig(16, 1, 1, 0.1f, oneEpoch()))
                .withItemInit(new ItemInit(new float[(ITEMS - 1) * 4], 4));
        assertThatThrownBy(() -> t.train(data)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("item-init").hasMessageContaining("(" + ITEMS + " rows), got " + (ITEMS - 1));
    }

    private static int[] permutation(int n, SplittableRandom r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
