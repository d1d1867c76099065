// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of the real quantized models: semantics, limits, blank text, batching, threads. */
class OnnxTextEncoderTest {
    private static double cos(OnnxTextEncoder e, String a, String b) {
        List<float[]> v = e.encode(List.of(a, b));
        return Vectors.dot(v.get(0), v.get(1));
    }

    @Test
    void reportsTheModelsDimensionsAndIds() {
        assertThat(TestModels.chinese().dimension()).isEqualTo(512);
        assertThat(TestModels.english().dimension()).isEqualTo(384);
        assertThat(TestModels.chinese().modelId()).isEqualTo("bge-small-zh-v1.5-q@512");
        assertThat(TestModels.english().modelId()).isEqualTo("all-minilm-l6-v2-q@256");
    }

    @Test
    void chinesePhoneCasesAreCloserToEachOtherThanToDiapers() {
        OnnxTextEncoder zh = TestModels.chinese();
        double cases = cos(zh, "手机壳 防摔 透明", "苹果手机保护套 硅胶");
        assertThat(cases).isGreaterThan(cos(zh, "手机壳 防摔 透明", "婴儿纸尿裤 大号") + 0.2)
                .isGreaterThan(cos(zh, "苹果手机保护套 硅胶", "婴儿纸尿裤 大号") + 0.2);
    }

    @Test
    void englishPhoneCasesAreCloserToEachOtherThanToDiapers() {
        for (OnnxTextEncoder en : List.of(TestModels.english(), TestModels.bgeEnglish())) {
            double cases = cos(en, "shockproof clear phone case", "silicone protective cover for iPhone");
            // BGE's similarities crowd into 0.4-0.9 (MiniLM's spread over 0-1), hence the smaller margin.
            assertThat(cases).as(en.modelId())
                    .isGreaterThan(cos(en, "shockproof clear phone case", "baby diapers, size 4") + 0.1)
                    .isGreaterThan(cos(en, "silicone protective cover for iPhone", "baby diapers, size 4") + 0.1);
        }
    }

    @Test
    void mixedChineseAndEnglishTitleIsReadByTheChineseModel() {
        OnnxTextEncoder zh = TestModels.chinese();
        String mixed = "Apple iPhone 15 Pro Max 手机壳 防摔 shockproof";
        assertThat(cos(zh, mixed, "手机壳 防摔 透明")).isGreaterThan(cos(zh, mixed, "婴儿纸尿裤 大号") + 0.2);
    }

    @Test
    void chineseModelLowerCasesLatinWordsLikeItsVocabulary() {
        OnnxTextEncoder zh = TestModels.chinese();
        assertThat(cos(zh, "Apple iPhone 手机壳", "apple iphone 手机壳")).isCloseTo(1.0, within(1e-6));
        // Lower-casing strips accents too, as BERT's normalizer does: "cafe" and "uber" are in the vocabulary.
        assertThat(cos(zh, "Über Café 咖啡杯", "uber cafe 咖啡杯")).isCloseTo(1.0, within(1e-6));
        // Without lower-casing both brands would be [UNK] and the two titles nearly identical.
        assertThat(cos(zh, "Apple 手机壳", "Huawei 手机壳")).isLessThan(0.98);
    }

    @Test
    void everyNonBlankVectorHasUnitLength() {
        for (float[] v : TestModels.chinese().encode(ReferenceModelsTest.CHINESE)) {
            assertThat(Vectors.dot(v, v)).isCloseTo(1.0, within(1e-5));
        }
        for (float[] v : TestModels.english().encode(ReferenceModelsTest.ENGLISH)) {
            assertThat(Vectors.dot(v, v)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void blankTextsGetTheZeroVectorEvenAmongOthers() {
        List<float[]> v = TestModels.chinese().encode(List.of("", "手机壳", " \t\n", "\u0000\u0007"));
        assertThat(v.get(0)).hasSize(512).containsOnly(0f);
        assertThat(v.get(2)).hasSize(512).containsOnly(0f);
        // Control characters only: not blank to Java, but the tokenizer keeps nothing of them.
        assertThat(v.get(3)).hasSize(512).containsOnly(0f);
        assertThat(Vectors.dot(v.get(1), v.get(1))).isCloseTo(1.0, within(1e-5));
        assertThat(TestModels.english().encode(List.of(""))).singleElement()
                .satisfies(z -> assertThat(z).containsOnly(0f));
        assertThat(TestModels.english().encode(List.of())).isEmpty();
    }

    @Test
    void tenThousandCharacterTextsAreTruncatedNotRejected() {
        for (OnnxTextEncoder e : List.of(TestModels.chinese(), TestModels.english())) {
            String head = repeatTo("防摔透明手机壳 waterproof phone case with lanyard ", 10_000);
            assertThat(head).hasSize(10_000);
            // Both texts share their first several thousand characters, far beyond the token limit, so after
            // truncation the model sees the same tokens: the vectors must coincide.
            float[] a = e.encode(List.of(head)).get(0);
            float[] b = e.encode(List.of(head.substring(0, 6_000) + repeatTo("婴儿纸尿裤 baby diapers ", 4_000))).get(0);
            assertThat(Vectors.dot(a, a)).isCloseTo(1.0, within(1e-5));
            assertThat(Vectors.dot(a, b)).as(e.modelId()).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void aLowerTokenLimitCutsEarlierAndChangesTheModelId() {
        try (OnnxTextEncoder short8 = OnnxTextEncoder.open(PretrainedModels.ALL_MINILM_L6_V2_Q,
                TestModels.CONFIG.withMaxTokens(8))) {
            assertThat(short8.maxTokens()).isEqualTo(8);
            assertThat(short8.modelId()).isEqualTo("all-minilm-l6-v2-q@8");
            // 6 word tokens + [CLS] + [SEP] fill the limit; whatever follows is dropped.
            double same = cos(short8, "one two three four five six", "one two three four five six seven eight");
            assertThat(same).isCloseTo(1.0, within(1e-6));
        }
        assertThat(TestModels.english().maxTokens()).isEqualTo(256);
    }

    @Test
    void batchedVectorsMatchOneByOneExactlyForTheFullPrecisionModel() {
        // The fp32 model has no batch-dependent quantization: any padding, mask or ordering bug shows up here.
        OnnxTextEncoder fp32 = TestModels.englishFp32();
        List<String> texts = new ArrayList<>(ReferenceModelsTest.ENGLISH);
        texts.add("a much longer product title that forces every other text in its batch to be padded with many"
                + " padding tokens, which must not change their mean-pooled vectors in any way at all");
        texts.add("");
        texts.add("x");
        List<float[]> batched = fp32.encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] single = fp32.encode(List.of(texts.get(i))).get(0);
            if (texts.get(i).isBlank()) {
                assertThat(batched.get(i)).containsOnly(0f);
            } else {
                assertThat(Vectors.cosine(batched.get(i), single)).as(texts.get(i)).isGreaterThan(0.99999);
            }
        }
    }

    @Test
    void batchedVectorsMatchOneByOneWithinInt8NoiseForTheQuantizedModels() {
        for (OnnxTextEncoder e : List.of(TestModels.chinese(), TestModels.english())) {
            List<String> texts = e == TestModels.chinese() ? ReferenceModelsTest.CHINESE : ReferenceModelsTest.ENGLISH;
            List<float[]> batched = e.encode(texts);
            for (int i = 0; i < texts.size(); i++) {
                float[] single = e.encode(List.of(texts.get(i))).get(0);
                assertThat(Vectors.cosine(batched.get(i), single)).as(texts.get(i)).isGreaterThan(0.98);
            }
            // Identical rows leave the batch's activation ranges unchanged, so here the match is exact.
            String t = texts.get(0);
            List<float[]> same = e.encode(List.of(t, t, t));
            assertThat(Vectors.cosine(same.get(2), e.encode(List.of(t)).get(0))).isGreaterThan(0.99999);
        }
    }

    @Test
    void int8VectorsStayWithinQuantizationErrorOfTheFullPrecisionModelBatchedOrNot() {
        List<String> texts = ReferenceModelsTest.ENGLISH;
        List<float[]> exact = TestModels.englishFp32().encode(texts);
        List<float[]> batched = TestModels.english().encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] single = TestModels.english().encode(List.of(texts.get(i))).get(0);
            assertThat(Vectors.cosine(single, exact.get(i))).as("one by one: %s", texts.get(i)).isGreaterThan(0.98);
            assertThat(Vectors.cosine(batched.get(i), exact.get(i))).as("batched: %s", texts.get(i))
                    .isGreaterThan(0.98);
        }
    }

    @Test
    void parallelBatchesGiveTheSameVectorsAsSerialOnes() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add(ReferenceModelsTest.CHINESE.get(i % ReferenceModelsTest.CHINESE.size()) + " " + i);
        }
        List<float[]> serial = TestModels.chinese().encode(texts);
        try (OnnxTextEncoder parallel = OnnxTextEncoder.open(PretrainedModels.BGE_SMALL_ZH_V15_Q,
                TestModels.CONFIG.withThreads(1, 2))) {
            List<float[]> par = parallel.encode(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(Vectors.cosine(par.get(i), serial.get(i))).as(texts.get(i)).isGreaterThan(0.99999);
            }
        }
    }

    @Test
    void outputIsInInputOrderAndUnmodifiable() {
        List<String> texts = List.of("手机壳 防摔 透明", "婴儿纸尿裤 大号", "手机壳 防摔 透明");
        List<float[]> v = TestModels.chinese().encode(texts);
        assertThat(v).hasSize(3);
        assertThat(Arrays.equals(v.get(0), v.get(2))).isTrue();
        assertThat(Vectors.dot(v.get(0), v.get(1))).isLessThan(0.9);
        assertThatThrownBy(() -> v.add(new float[0])).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullTextsAreRejectedByPosition() {
        List<String> texts = Arrays.asList("ok", null, "fine", null);
        assertThatThrownBy(() -> TestModels.english().encode(texts)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("texts[1]").hasMessageContaining("texts[3]");
        assertThatThrownBy(() -> TestModels.english().encode(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void aClosedEncoderSaysSo() {
        OnnxTextEncoder e = OnnxTextEncoder.open(PretrainedModels.ALL_MINILM_L6_V2_Q, TestModels.CONFIG);
        e.close();
        e.close();
        assertThatThrownBy(() -> e.encode(List.of("x"))).isInstanceOf(TailorException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void tokenizerRunsOffline() {
        TestModels.chinese();
        if (System.getenv("DJL_OFFLINE") == null) {
            assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        }
        if (System.getenv("OPT_OUT_TRACKING") == null) {
            assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
        }
    }

    private static String repeatTo(String unit, int length) {
        StringBuilder sb = new StringBuilder(length + unit.length());
        while (sb.length() < length) {
            sb.append(unit);
        }
        return sb.substring(0, length);
    }
}
