// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.core.error.ValidationException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ScriptDetectorTest {
    private final ScriptDetector detector = ScriptDetector.defaults();

    @Test
    void countsCjkAmongLettersOnly() {
        // 7 CJK, 11 Latin letters; digits and spaces ignored.
        assertThat(ScriptDetector.cjkShare("Apple iPhone 15 手机壳 防摔 透明")).isCloseTo(7.0 / 18, within(1e-12));
        assertThat(ScriptDetector.cjkShare("手机壳")).isEqualTo(1.0);
        assertThat(ScriptDetector.cjkShare("phone case")).isZero();
        assertThat(ScriptDetector.cjkShare("500 ml, 2x")).isZero();
        assertThat(ScriptDetector.cjkShare("")).isZero();
    }

    @Test
    void routesChineseTitlesWithLatinBrandsToChinese() {
        assertThat(detector.detect("Apple iPhone 15 手机壳 防摔 透明")).isEqualTo(Language.CHINESE);
        assertThat(detector.detect("婴儿纸尿裤 大号")).isEqualTo(Language.CHINESE);
        assertThat(detector.detect("3M 防护口罩 KN95")).isEqualTo(Language.CHINESE);
    }

    @Test
    void routesEnglishWithAStrayChineseWordToEnglish() {
        assertThat(detector.detect("Stainless steel laboratory beaker set 烧杯 500ml")).isEqualTo(Language.ENGLISH);
        assertThat(detector.detect("Nitrile gloves")).isEqualTo(Language.ENGLISH);
    }

    @Test
    void textWithoutLettersIsEnglish() {
        assertThat(detector.detect("12345 !!")).isEqualTo(Language.ENGLISH);
        assertThat(detector.detect("")).isEqualTo(Language.ENGLISH);
    }

    @Test
    void countsSupplementaryPlaneHanAsOneCharacter() {
        // U+20BB7 (𠮷) is a Han ideograph outside the BMP: one code point, two chars.
        assertThat(ScriptDetector.cjkShare("\uD842\uDFB7a")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void rejectsThresholdsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new ScriptDetector(0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cjkThreshold");
        assertThatThrownBy(() -> new ScriptDetector(1.5)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new ScriptDetector(Double.NaN)).isInstanceOf(ValidationException.class);
    }

    @Property
    void pureLatinIsEnglishAndPureHanIsChinese(
            @ForAll @NotBlank @StringLength(max = 40) @CharRange(from = 'a', to = 'z') String latin,
            @ForAll @NotBlank @StringLength(max = 40) @CharRange(from = '\u4e00', to = '\u9fa5') String han) {
        assertThat(detector.detect(latin)).isEqualTo(Language.ENGLISH);
        assertThat(detector.detect(han)).isEqualTo(Language.CHINESE);
        assertThat(ScriptDetector.cjkShare(latin + han)).isBetween(0.0, 1.0)
                .isCloseTo((double) han.length() / (latin.length() + han.length()), within(1e-12));
    }

    @Test
    void languageCodesRoundTrip() {
        assertThat(Language.fromCode("zh-CN")).isEqualTo(Language.CHINESE);
        assertThat(Language.fromCode("EN_us")).isEqualTo(Language.ENGLISH);
        assertThat(Language.CHINESE.code()).isEqualTo("zh");
        assertThatThrownBy(() -> Language.fromCode("fr")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'fr'").hasMessageContaining("zh or en");
    }
}
