// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.text.lang.Language;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What a user sees when a model is missing, broken or mis-described. */
class ModelLoadingTest {
    private static final String FIXTURES = "dev/tailor/text/encoder/";

    private static ModelSpec spec(String model, String tokenizer, int dimension) {
        return new ModelSpec("test-model", Language.ENGLISH, model, tokenizer, "com.example:model-jar:1.0",
                dimension, 128, Pooling.MEAN, true);
    }

    @Test
    void missingModelFileNamesTheArtifactToAdd() {
        assertThatThrownBy(() -> OnnxTextEncoder.open(spec("absent-model.onnx", "absent-tokenizer.json", 384)))
                .isInstanceOf(TailorException.class)
                .hasMessageContaining("'absent-model.onnx' is not on the classpath")
                .hasMessageContaining("add the Maven dependency com.example:model-jar:1.0");
    }

    @Test
    void missingTokenizerFileNamesTheArtifactToAdd() {
        assertThatThrownBy(() -> OnnxTextEncoder.open(spec("all-minilm-l6-v2-q.onnx", "absent-tokenizer.json", 384)))
                .isInstanceOf(TailorException.class)
                .hasMessageContaining("'absent-tokenizer.json' is not on the classpath")
                .hasMessageContaining("com.example:model-jar:1.0");
    }

    @Test
    void aFileThatIsNotOnnxFailsWithTheResourceName() {
        assertThatThrownBy(() -> OnnxTextEncoder.open(spec(FIXTURES + "not-a-model.onnx",
                "all-minilm-l6-v2-q-tokenizer.json", 384)))
                .isInstanceOf(TailorException.class)
                .hasMessageContaining("cannot load ONNX model test-model")
                .hasMessageContaining(FIXTURES + "not-a-model.onnx");
    }

    @Test
    void aBrokenTokenizerFailsWithTheResourceName() {
        assertThatThrownBy(() -> OnnxTextEncoder.open(spec("all-minilm-l6-v2-q.onnx",
                FIXTURES + "broken-tokenizer.json", 384)))
                .isInstanceOf(TailorException.class)
                .hasMessageContaining("cannot load the tokenizer of text model test-model")
                .hasMessageContaining(FIXTURES + "broken-tokenizer.json");
    }

    @Test
    void aTokenizerWithoutBertNormalizerIsRejected() {
        assertThatThrownBy(() -> OnnxTextEncoder.open(spec("all-minilm-l6-v2-q.onnx",
                FIXTURES + "nfc-tokenizer.json", 384)))
                .isInstanceOf(TailorException.class)
                .hasMessageContaining("has no BertNormalizer; only BERT-style WordPiece tokenizers are supported");
    }

    @Test
    void aWrongDimensionIsCaughtAtLoadTime() {
        assertThatThrownBy(() -> OnnxTextEncoder.open(spec("all-minilm-l6-v2-q.onnx",
                "all-minilm-l6-v2-q-tokenizer.json", 512)))
                .isInstanceOf(TailorException.class)
                .hasMessageContaining("outputs shape [-1, -1, 384], expected [batch, tokens, 512]");
    }

    @Test
    void specsAndConfigsListEveryProblem() {
        assertThatThrownBy(() -> new ModelSpec(" ", null, "", "t.json", "a:b:c", 0, 2, null, true))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).hasSize(6))
                .hasMessageContaining("field 'dimension': must be > 0, was 0")
                .hasMessageContaining("field 'maxTokens': must be >= 3, was 2");
        assertThatThrownBy(() -> new EncoderConfig(0, 0, 0, 1)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).hasSize(4));
    }

    @Test
    void unknownModelIdsListTheKnownOnes() {
        assertThat(PretrainedModels.byId("bge-small-zh-v1.5-q")).isSameAs(PretrainedModels.BGE_SMALL_ZH_V15_Q);
        assertThatThrownBy(() -> PretrainedModels.byId("gpt-5")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'gpt-5'").hasMessageContaining("all-minilm-l6-v2-q");
        assertThat(PretrainedModels.defaultFor(Language.CHINESE)).isSameAs(PretrainedModels.BGE_SMALL_ZH_V15_Q);
        assertThat(PretrainedModels.defaultFor(Language.ENGLISH)).isSameAs(PretrainedModels.ALL_MINILM_L6_V2_Q);
    }

    @Test
    void artifactCoordinatesInTheSpecsMatchTheJarsOnTheClasspath() throws IOException {
        // The error message must name the artifact that really carries the files; the jar's own Maven metadata
        // says which one that is, so the hard-coded coordinates cannot silently drift from the build.
        for (ModelSpec m : PretrainedModels.all()) {
            String[] gav = m.artifact().split(":");
            String path = "META-INF/maven/" + gav[0] + "/" + gav[1] + "/pom.properties";
            Properties props = new Properties();
            try (InputStream in = ModelLoadingTest.class.getClassLoader().getResourceAsStream(path)) {
                assertThat(in).as(path).isNotNull();
                props.load(in);
            }
            assertThat(props.getProperty("version")).as(m.id()).isEqualTo(gav[2]);
            assertThat(ModelLoadingTest.class.getClassLoader().getResource(m.modelResource())).as(m.id()).isNotNull();
            assertThat(ModelLoadingTest.class.getClassLoader().getResource(m.tokenizerResource())).isNotNull();
        }
    }
}
