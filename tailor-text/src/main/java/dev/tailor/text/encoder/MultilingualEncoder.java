// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.text.TextEncoder;
import dev.tailor.text.lang.Language;
import dev.tailor.text.lang.ScriptDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Routes each text to the Chinese or the English encoder by its script ({@link ScriptDetector}) and returns
 * vectors in one space of {@code chinese.dimension() + english.dimension()} dimensions: a Chinese text's vector
 * fills the first block and leaves the second at zero, an English text's the reverse.
 *
 * <p>Why blocks rather than one shared space: the two models were trained separately, so the cosine between a
 * bge-small-zh vector and a MiniLM vector is meaningless (and their lengths differ). With disjoint blocks, two
 * texts in the same language keep exactly their model's cosine and texts in different languages score 0 — "no
 * evidence" rather than noise. A shop that needs cross-language similarity should use one model for everything
 * instead (bge-small-zh reads English passably), by configuration.
 *
 * <p>Each call makes at most one call per underlying encoder, so their batching stays effective. Blank texts get
 * the all-zero vector, like {@link OnnxTextEncoder}. Thread-safe when both encoders are. Closing closes both.
 */
public final class MultilingualEncoder implements TextEncoder, AutoCloseable {
    private final TextEncoder chinese;
    private final TextEncoder english;
    private final ScriptDetector detector;

    public MultilingualEncoder(TextEncoder chinese, TextEncoder english, ScriptDetector detector) {
        this.chinese = Objects.requireNonNull(chinese, "chinese");
        this.english = Objects.requireNonNull(english, "english");
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /** bge-small-zh-v1.5 and all-MiniLM-L6-v2 with {@code config}, routed by {@link ScriptDetector#defaults()}. */
    public static MultilingualEncoder open(EncoderConfig config) {
        OnnxTextEncoder zh = OnnxTextEncoder.open(PretrainedModels.defaultFor(Language.CHINESE), config);
        try {
            return new MultilingualEncoder(zh, OnnxTextEncoder.open(PretrainedModels.defaultFor(Language.ENGLISH),
                    config), ScriptDetector.defaults());
        } catch (RuntimeException e) {
            zh.close();
            throw e;
        }
    }

    /** Which encoder reads {@code text}. */
    public Language route(String text) {
        return detector.detect(text);
    }

    /** Where a language's block starts in the output: 0 for Chinese, {@code chinese.dimension()} for English. */
    public int offset(Language language) {
        return language == Language.CHINESE ? 0 : chinese.dimension();
    }

    @Override
    public int dimension() {
        return chinese.dimension() + english.dimension();
    }

    @Override
    public List<float[]> encode(List<String> texts) {
        if (texts == null) {
            throw ValidationException.of("texts", "missing list of texts");
        }
        int n = texts.size();
        boolean[] isChinese = new boolean[n];
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String t = texts.get(i);
            if (t == null) {
                problems.add(Problem.of("texts[" + i + "]", "missing text (null); use \"\" for no text"));
                continue;
            }
            isChinese[i] = detector.detect(t) == Language.CHINESE;
            (isChinese[i] ? zh : en).add(t);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<float[]> zhVectors = zh.isEmpty() ? List.of() : chinese.encode(zh);
        List<float[]> enVectors = en.isEmpty() ? List.of() : english.encode(en);
        float[][] out = new float[n][];
        int nextZh = 0;
        int nextEn = 0;
        for (int i = 0; i < n; i++) {
            float[] v = new float[dimension()];
            if (isChinese[i]) {
                System.arraycopy(zhVectors.get(nextZh++), 0, v, 0, chinese.dimension());
            } else {
                System.arraycopy(enVectors.get(nextEn++), 0, v, chinese.dimension(), english.dimension());
            }
            out[i] = v;
        }
        return List.of(out);
    }

    @Override
    public void close() {
        try {
            closeIfCloseable(chinese);
        } finally {
            closeIfCloseable(english);
        }
    }

    private static void closeIfCloseable(TextEncoder encoder) {
        if (encoder instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new TailorException("closing text encoder " + encoder + " failed: " + e.getMessage(), e);
            }
        }
    }
}
