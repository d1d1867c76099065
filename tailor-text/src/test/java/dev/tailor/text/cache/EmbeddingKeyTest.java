// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import org.junit.jupiter.api.Test;

class EmbeddingKeyTest {
    @Test
    void hashesTheUtf8BytesWithSha256() {
        // FIPS 180-2 test vector for "abc".
        assertThat(EmbeddingKey.of("m", "abc").textSha256())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(EmbeddingKey.of("m", "").textSha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void equalTextsAndModelsGiveEqualKeys() {
        assertThat(EmbeddingKey.of("bge@512", "手机壳")).isEqualTo(EmbeddingKey.of("bge@512", "手机壳"))
                .isNotEqualTo(EmbeddingKey.of("bge@256", "手机壳"))
                .isNotEqualTo(EmbeddingKey.of("bge@512", "手机壳 "));
    }

    @Test
    void rejectsMalformedKeys() {
        assertThatThrownBy(() -> new EmbeddingKey("", "00")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("modelId");
        assertThatThrownBy(() -> new EmbeddingKey("m", "ABC")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("64 lower-case hex digits");
        assertThatThrownBy(() -> EmbeddingKey.of("m", null)).isInstanceOf(ValidationException.class);
    }
}
