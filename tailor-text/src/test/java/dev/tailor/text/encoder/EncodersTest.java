// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import org.junit.jupiter.api.Test;

class EncodersTest {
    @Test
    void theModelIdWithoutLoadingIsTheOpenedEncodersOwn() {
        EncoderConfig shortTexts = TestModels.CONFIG.withMaxTokens(64);
        for (String name : new String[] {Encoders.MULTILINGUAL, "all-minilm-l6-v2-q", " BGE-small-zh-v1.5-q "}) {
            for (EncoderConfig config : new EncoderConfig[] {TestModels.CONFIG, shortTexts}) {
                try (Encoders.Opened opened = Encoders.open(name, config)) {
                    assertThat(Encoders.modelId(name, config)).as(name).isEqualTo(opened.modelId());
                }
            }
        }
        assertThat(Encoders.modelId(Encoders.MULTILINGUAL, TestModels.CONFIG))
                .isEqualTo("multilingual[bge-small-zh-v1.5-q@512+all-minilm-l6-v2-q@256]");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Encoders.modelId("gpt-7", TestModels.CONFIG))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("gpt-7").hasMessageContaining("multilingual")
                .hasMessageContaining("bge-small-zh-v1.5-q");
    }
}
