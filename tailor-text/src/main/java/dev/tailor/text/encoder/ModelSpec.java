// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.text.lang.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to load and run one BERT-style ONNX sentence encoder from the classpath.
 *
 * @param id stable name of the model and its reading settings; part of every embedding-cache key
 * @param language the language the model was trained for
 * @param modelResource classpath resource of the ONNX file (jar root: no leading slash)
 * @param tokenizerResource classpath resource of the Hugging Face {@code tokenizer.json}
 * @param artifact Maven coordinates ({@code group:artifact:version}) of the jar that carries both files, named in
 *     the error when they are missing
 * @param dimension length of the model's output vectors (its hidden size)
 * @param maxTokens the longest input the model was trained on, special tokens included; longer texts are cut
 * @param pooling how token states become the sentence vector, as the model was trained
 * @param lowercase whether to lower-case text before WordPiece; set from the vocabulary, overriding whatever the
 *     shipped {@code tokenizer.json} says (see {@link PretrainedModels#BGE_SMALL_ZH_V15_Q})
 */
public record ModelSpec(String id, Language language, String modelResource, String tokenizerResource,
        String artifact, int dimension, int maxTokens, Pooling pooling, boolean lowercase) {

    /** [CLS] and [SEP] plus at least one real token. */
    static final int MIN_TOKENS = 3;

    public ModelSpec {
        List<Problem> problems = new ArrayList<>();
        requireText(problems, "id", id);
        requireText(problems, "modelResource", modelResource);
        requireText(problems, "tokenizerResource", tokenizerResource);
        requireText(problems, "artifact", artifact);
        if (language == null) {
            problems.add(Problem.of("language", "missing"));
        }
        if (pooling == null) {
            problems.add(Problem.of("pooling", "missing; expected CLS or MEAN"));
        }
        if (dimension <= 0) {
            problems.add(Problem.of("dimension", "must be > 0, was " + dimension));
        }
        if (maxTokens < MIN_TOKENS) {
            problems.add(Problem.of("maxTokens", "must be >= " + MIN_TOKENS + ", was " + maxTokens));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static void requireText(List<Problem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.of(field, "missing"));
        }
    }
}
