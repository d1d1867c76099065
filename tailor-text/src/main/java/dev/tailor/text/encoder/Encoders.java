// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import dev.tailor.core.error.ValidationException;
import dev.tailor.core.text.TextEncoder;
import dev.tailor.text.lang.Language;
import dev.tailor.text.lang.ScriptDetector;
import java.util.List;
import java.util.Locale;

/**
 * Opens an encoder by the name a user types ({@code tailor embed --model}, server configuration) together with
 * the model id that cache keys and saved vectors carry.
 */
public final class Encoders {
    /** Routes Chinese text to bge-small-zh and the rest to MiniLM (see {@link MultilingualEncoder}). */
    public static final String MULTILINGUAL = "multilingual";

    private Encoders() {
    }

    /** An open encoder and its model id; closing it closes the models. */
    public record Opened(String modelId, TextEncoder encoder, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + modelId + ": " + e.getMessage(), e);
            }
        }
    }

    /** The names {@link #open} accepts. */
    public static List<String> names() {
        List<String> names = new java.util.ArrayList<>();
        names.add(MULTILINGUAL);
        for (ModelSpec s : PretrainedModels.all()) {
            names.add(s.id());
        }
        return names;
    }

    /**
     * The model id {@link #open} would give, without loading any model: a server checks with it whether the
     * store holds vectors of this model before paying for loading it.
     *
     * @throws ValidationException for an unknown name, listing the known ones
     */
    public static String modelId(String name, EncoderConfig config) {
        String n = normalize(name);
        if (n.equals(MULTILINGUAL)) {
            return MULTILINGUAL + "[" + OnnxTextEncoder.modelId(PretrainedModels.defaultFor(Language.CHINESE), config)
                    + "+" + OnnxTextEncoder.modelId(PretrainedModels.defaultFor(Language.ENGLISH), config) + "]";
        }
        return OnnxTextEncoder.modelId(spec(name, n), config);
    }

    private static String normalize(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    private static ModelSpec spec(String name, String normalized) {
        for (ModelSpec s : PretrainedModels.all()) {
            if (s.id().equals(normalized)) {
                return s;
            }
        }
        throw ValidationException.of("model", "unknown text model '" + name + "'; expected one of "
                + String.join(", ", names()));
    }

    /**
     * @param name {@value #MULTILINGUAL} or a model id of {@link PretrainedModels}
     * @throws ValidationException for an unknown name, listing the known ones
     */
    public static Opened open(String name, EncoderConfig config) {
        String n = normalize(name);
        if (n.equals(MULTILINGUAL)) {
            OnnxTextEncoder zh = OnnxTextEncoder.open(PretrainedModels.defaultFor(Language.CHINESE), config);
            OnnxTextEncoder en;
            try {
                en = OnnxTextEncoder.open(PretrainedModels.defaultFor(Language.ENGLISH), config);
            } catch (RuntimeException e) {
                zh.close();
                throw e;
            }
            MultilingualEncoder m = new MultilingualEncoder(zh, en, ScriptDetector.defaults());
            return new Opened(MULTILINGUAL + "[" + zh.modelId() + "+" + en.modelId() + "]", m, m);
        }
        OnnxTextEncoder e = OnnxTextEncoder.open(spec(name, n), config);
        return new Opened(e.modelId(), e, e);
    }
}
