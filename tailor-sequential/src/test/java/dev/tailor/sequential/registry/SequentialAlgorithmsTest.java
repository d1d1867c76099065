// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.ModelIO;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.UserContext;
import dev.tailor.sequential.SequentialModels;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.model.Synthetic;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequentialAlgorithmsTest {
    private static final Algorithms REGISTRY = SequentialAlgorithms.register(Algorithms.standard());
    private static final String SMALL = ":dim=16,blocks=1,maxlen=8,epochs=12,lr=0.01,batch=32,negatives=0,threads=2";

    @Test
    void registersBothModelsNextToTheStandardOnes() {
        assertThat(REGISTRY.names()).contains("sasrec", "gru4rec", "als", "rp3beta");
        assertThat(Algorithms.standard().names()).doesNotContain("sasrec");
        TrainerSpec spec = REGISTRY.trainer("sasrec");
        assertThat(spec.values().integer("dim")).isEqualTo(64);
        assertThat(spec.values().integer("maxlen")).isEqualTo(50);
        assertThat(spec.values().real("dropout")).isEqualTo(0.3);
        assertThat(spec.values().integer("vusers")).isEqualTo(5_000);
        assertThat(REGISTRY.searchSpace("sasrec")).extracting(p -> p.name())
                .contains("dim", "lr", "epochs", "patience").doesNotContain("threads", "seed", "heads", "vusers");
        assertThat(REGISTRY.searchSpace("gru4rec")).extracting(p -> p.name()).contains("patience");
    }

    @Test
    void aSpecBuiltTrainerValidatesOnHeldOutLastItemsAndStopsEarly() {
        Snapshot data = Synthetic.chains(200, 30, 3);
        SequentialModel m = (SequentialModel) REGISTRY.trainer("gru4rec" + SMALL.replace("blocks=1,", "")
                .replace("epochs=12", "epochs=30") + ",patience=2,vusers=50").train(data);

        assertThat(m.trainingLog()).allSatisfy(e -> assertThat(e.validNdcg10()).isBetween(0.0, 1.0));
        int best = Integer.parseInt(m.provenance().config().get("best-epoch"));
        assertThat(m.provenance().config()).containsEntry("validation-users", "50").containsEntry("patience", "2");
        assertThat(m.trainingLog().size()).isEqualTo(Math.min(30, best + 2));
    }

    @Test
    void vusersZeroTrainsExactlyTheEpochsWithoutValidation() {
        Snapshot data = Synthetic.chains(100, 30, 3);
        SequentialModel m = (SequentialModel) REGISTRY.trainer("sasrec" + SMALL.replace("epochs=12", "epochs=3")
                + ",vusers=0,patience=1").train(data);

        assertThat(m.trainingLog()).hasSize(3).allSatisfy(e -> assertThat(e.validNdcg10()).isNaN());
    }

    @Test
    void badParametersNameTheParameter() {
        assertThatThrownBy(() -> REGISTRY.trainer("sasrec:dim=10,heads=3"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("heads");
        assertThatThrownBy(() -> REGISTRY.trainer("gru4rec:maxlen=0"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("maxlen");
        assertThatThrownBy(() -> REGISTRY.trainer("sasrec:width=3"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("width");
        assertThatThrownBy(() -> REGISTRY.trainer("sasrec:vusers=-1"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("vusers").hasMessageContaining(">= 0");
        assertThatThrownBy(() -> REGISTRY.trainer("gru4rec:patience=0"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("patience")
                .hasMessageContaining(">= 1");
    }

    @Test
    void sasrecTrainsFromASpecAndSurvivesAModelFile(@TempDir Path dir) throws Exception {
        roundTrip("sasrec" + SMALL, dir);
    }

    @Test
    void gruTrainsFromASpecAndSurvivesAModelFile(@TempDir Path dir) throws Exception {
        roundTrip("gru4rec" + SMALL.replace("blocks=1,", ""), dir);
    }

    private static void roundTrip(String spec, Path dir) throws Exception {
        int items = 30;
        Snapshot data = Synthetic.chains(300, items, 7);
        RecommenderModel trained = REGISTRY.trainer(spec).train(data);
        assertThat(trained).isInstanceOf(SequentialModel.class);

        // The planted successor wins: the spec's settings reached a trainer that learns.
        int start = data.items().indexOf("i4");
        int next = data.items().indexOf("i" + Synthetic.successor(4, items));
        float[] scores = new float[trained.itemCount()];
        ((SequentialModel) trained).scoreSession(new int[] {start}, scores);
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        assertThat(best).isEqualTo(next);

        ModelIO io = new ModelIO(REGISTRY);
        Path file = dir.resolve("model.tlrm");
        io.save(trained, file);
        SavableModel loaded = io.load(file);
        assertThat(loaded.name()).isEqualTo(trained.name());
        assertThat(loaded.provenance().config()).isEqualTo(trained.provenance().config());
        int u = data.users().indexOf("u0");
        UserContext user = UserContext.of(u, data.interactions().sequence(u));
        float[] a = new float[trained.itemCount()];
        float[] b = new float[loaded.itemCount()];
        trained.scoreAll(user, a);
        loaded.scoreAll(user, b);
        assertThat(b).containsExactly(a);

        // A damaged payload is caught by ModelIO's checksum, not served.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        io.write(trained, bytes);
        byte[] damaged = bytes.toByteArray();
        damaged[damaged.length / 2] ^= 0x10;
        assertThatThrownBy(() -> io.read(new ByteArrayInputStream(damaged))).isInstanceOf(TailorException.class);

        // The stand-alone file format is unchanged by the payload split.
        Path own = dir.resolve("model.tlsq");
        SequentialModels.save((SequentialModel) trained, own);
        assertThat(Files.size(own)).isPositive();
        SequentialModel again = SequentialModels.load(own);
        float[] c = new float[again.itemCount()];
        again.scoreAll(user, c);
        assertThat(c).containsExactly(a);
    }
}
