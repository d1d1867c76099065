// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.twotower;

import dev.tailor.core.error.ValidationException;
import dev.tailor.core.text.TextEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frozen text-encoder vectors of every item of a snapshot, by dense item index, flat row-major ({@code count x
 * dim}). Rows are unit length, or all zero for an item without text (the encoder's blank-text contract). Immutable.
 */
public final class ItemVectors {
    private final String modelId;
    private final int count;
    private final int dim;
    private final float[] data;

    /** Takes a copy of {@code data}. */
    public ItemVectors(String modelId, int count, int dim, float[] data) {
        if (modelId == null || modelId.isBlank()) {
            throw ValidationException.of("modelId", "missing encoder model id");
        }
        if (count < 0 || dim <= 0 || data.length != (long) count * dim) {
            throw ValidationException.of("data", "expected " + count + " x " + dim + " floats, got " + data.length);
        }
        this.modelId = modelId;
        this.count = count;
        this.dim = dim;
        this.data = data.clone();
    }

    /** Reports encoding progress: items done of total. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    /**
     * Encodes the texts in chunks of {@code chunk} (progress is reported after each chunk).
     *
     * @param modelId the encoder's model id, carried for caches and saved models
     */
    public static ItemVectors encode(String modelId, String[] texts, TextEncoder encoder, int chunk,
            Progress progress) {
        if (chunk <= 0) {
            throw ValidationException.of("chunk", "expected a positive chunk size, got " + chunk);
        }
        int d = encoder.dimension();
        float[] out = new float[texts.length * d];
        progress.update(0, texts.length);
        for (int from = 0; from < texts.length; from += chunk) {
            int to = Math.min(texts.length, from + chunk);
            List<String> part = new ArrayList<>(Arrays.asList(texts).subList(from, to));
            List<float[]> vectors = encoder.encode(part);
            for (int i = 0; i < vectors.size(); i++) {
                float[] v = vectors.get(i);
                if (v.length != d) {
                    throw new IllegalStateException("encoder returned " + v.length + " dims, declared " + d);
                }
                System.arraycopy(v, 0, out, (from + i) * d, d);
            }
            progress.update(to, texts.length);
        }
        return new ItemVectors(modelId, texts.length, d, out);
    }

    public String modelId() {
        return modelId;
    }

    public int count() {
        return count;
    }

    public int dim() {
        return dim;
    }

    /** Component j of item i. */
    public float get(int item, int j) {
        return data[item * dim + j];
    }

    /** A copy of the flat array. */
    public float[] toArray() {
        return data.clone();
    }

    /** The flat array itself, for this package's hot loops (never modified there). */
    float[] raw() {
        return data;
    }
}
