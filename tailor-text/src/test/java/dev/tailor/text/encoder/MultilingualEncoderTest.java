// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.core.error.ValidationException;
import dev.tailor.text.lang.Language;
import dev.tailor.text.lang.ScriptDetector;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultilingualEncoderTest {
    private final MultilingualEncoder encoder = new MultilingualEncoder(TestModels.chinese(), TestModels.english(),
            ScriptDetector.defaults());

    @Test
    void placesEachLanguageInItsOwnBlock() {
        assertThat(encoder.dimension()).isEqualTo(512 + 384);
        assertThat(encoder.offset(Language.CHINESE)).isZero();
        assertThat(encoder.offset(Language.ENGLISH)).isEqualTo(512);
        List<String> texts = List.of("手机壳 防摔 透明", "shockproof clear phone case", "Apple iPhone 15 手机壳",
                "婴儿纸尿裤 大号", "baby diapers size 4");
        List<float[]> v = encoder.encode(texts);
        // Each block must equal what its model gives for the same sub-list (same batches, so exactly).
        List<float[]> zh = TestModels.chinese().encode(List.of(texts.get(0), texts.get(2), texts.get(3)));
        List<float[]> en = TestModels.english().encode(List.of(texts.get(1), texts.get(4)));
        assertThat(Arrays.copyOfRange(v.get(0), 0, 512)).containsExactly(zh.get(0));
        assertThat(Arrays.copyOfRange(v.get(2), 0, 512)).containsExactly(zh.get(1));
        assertThat(Arrays.copyOfRange(v.get(3), 0, 512)).containsExactly(zh.get(2));
        assertThat(Arrays.copyOfRange(v.get(1), 512, 896)).containsExactly(en.get(0));
        assertThat(Arrays.copyOfRange(v.get(4), 512, 896)).containsExactly(en.get(1));
        assertThat(Arrays.copyOfRange(v.get(0), 512, 896)).containsOnly(0f);
        assertThat(Arrays.copyOfRange(v.get(1), 0, 512)).containsOnly(0f);
    }

    @Test
    void sameLanguageKeepsItsModelsSimilarityAndCrossLanguageIsZero() {
        List<float[]> v = encoder.encode(List.of("手机壳 防摔 透明", "苹果手机保护套 硅胶", "婴儿纸尿裤 大号",
                "shockproof clear phone case"));
        assertThat(Vectors.dot(v.get(0), v.get(1))).isGreaterThan(Vectors.dot(v.get(0), v.get(2)) + 0.2);
        assertThat(Vectors.dot(v.get(0), v.get(3))).isZero();
        for (float[] x : v) {
            assertThat(Vectors.dot(x, x)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void routesBlankTextToEnglishAsAZeroVector() {
        assertThat(encoder.route("")).isEqualTo(Language.ENGLISH);
        assertThat(encoder.encode(List.of("")).get(0)).hasSize(896).containsOnly(0f);
    }

    @Test
    void rejectsNullsByPosition() {
        assertThatThrownBy(() -> encoder.encode(Arrays.asList("手机壳", null))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("texts[1]");
    }
}
