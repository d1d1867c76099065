// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.model.Synthetic;
import dev.tailor.sequential.train.ItemInit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextInitParamTest {
    private static final String SMALL = ":dim=8,maxlen=8,epochs=2,batch=32,negatives=0,threads=1,vusers=20";
    private static final int TEXT_DIM = 12;

    /** Seeded vectors for every item but item 0 (no text: an all-zero row); records what it was asked. */
    private static final class SeededVectors implements ItemVectorSource {
        final List<String> asked = new ArrayList<>();
        final List<Integer> itemCounts = new ArrayList<>();

        @Override
        public ItemInit itemInit(Snapshot training, String model) {
            asked.add(model);
            itemCounts.add(training.numItems());
            float[] v = new float[training.numItems() * TEXT_DIM];
            SplittableRandom random = new SplittableRandom(5);
            for (int i = TEXT_DIM; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            return new ItemInit(v, TEXT_DIM, model + "@test");
        }

        @Override
        public void check(String model) {
            if (!model.equals("test-model")) {
                throw ValidationException.of("model", "unknown text model '" + model + "'; expected test-model");
            }
        }
    }

    @Test
    void withoutASourceOnlyNoneIsAcceptedAndTheErrorSaysWhereItWorks() {
        Algorithms plain = SequentialAlgorithms.register(Algorithms.standard());

        for (String algorithm : List.of("sasrec", "gru4rec")) {
            assertThat(plain.trainer(algorithm).values().text("textinit")).isEqualTo("none");
            assertThat(plain.trainer(algorithm + ":textinit=NONE").trainer()).isNotInstanceOf(TextInitTrainer.class);
            assertThatThrownBy(() -> plain.trainer(algorithm + ":textinit=all-minilm-l6-v2-q"))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("textinit").hasMessageContaining("all-minilm-l6-v2-q")
                    .hasMessageContaining("evaluate").hasMessageContaining("serve --extra-model");
        }
    }

    @Test
    void theTextModelIsAFixedParameterOfBothModels() {
        Algorithms registry = SequentialAlgorithms.register(Algorithms.standard(), new SeededVectors());

        for (String algorithm : List.of("sasrec", "gru4rec")) {
            assertThat(registry.info(algorithm).params()).extracting(p -> p.name()).contains("textinit");
            assertThat(registry.searchSpace(algorithm)).extracting(p -> p.name()).doesNotContain("textinit");
        }
    }

    @Test
    void aSourceChecksTheNameWhenTheSpecIsRead() {
        SeededVectors source = new SeededVectors();
        Algorithms registry = SequentialAlgorithms.register(Algorithms.standard(), source);

        assertThatThrownBy(() -> registry.trainer("sasrec:textinit=nonsense"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("textinit")
                .hasMessageContaining("unknown text model 'nonsense'");
        assertThatThrownBy(() -> registry.trainer("gru4rec:textinit=  "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("textinit");
        assertThat(source.asked).isEmpty();
    }

    @Test
    void aSpecWithTextinitTrainsFromTheSourcesVectorsAndSaysSoInItsProvenance() {
        SeededVectors source = new SeededVectors();
        Algorithms registry = SequentialAlgorithms.register(Algorithms.standard(), source);
        Snapshot data = Synthetic.chains(60, 20, 3);

        for (String algorithm : List.of("sasrec:blocks=1,", "gru4rec:")) {
            TrainerSpec spec = registry.trainer(algorithm + SMALL.substring(1) + ",textinit=test-model");
            List<Integer> epochs = new ArrayList<>();
            EpochListener listener = e -> epochs.add(e.epoch());
            SequentialModel m = (SequentialModel) spec.withListener(listener).train(data);

            // 19 of the 20 items have text: item 0's all-zero row keeps its random start.
            assertThat(m.provenance().config())
                    .containsEntry("item-init", "pca of 12-d vectors (test-model@test), 19 of 20 items");
            // The listener survives the wrapping: both epochs are reported (loss and validation per epoch).
            assertThat(epochs.stream().distinct().count()).isEqualTo(2);
        }
        assertThat(source.asked).containsExactly("test-model", "test-model");
        assertThat(source.itemCounts).containsExactly(20, 20);

        SequentialModel random = (SequentialModel) registry.trainer("gru4rec" + SMALL).train(data);
        assertThat(random.provenance().config()).doesNotContainKey("item-init");
    }
}
