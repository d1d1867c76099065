// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.model;

import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A network that turns an item sequence into one hidden vector per position (position t sees items 0..t
 * only). All parameters live in one flat {@code float[]} ({@code theta}), which makes Adam, gradient
 * accumulation, copies of the best epoch and saving one loop each. The item embedding table is always the
 * first {@code itemCount * dim} floats of {@code theta}, row i = item i: the training loop and the model score
 * items with it (tied input/output embeddings, as in SASRec).
 *
 * <p>Implementations are immutable; all per-call state lives in a {@link Workspace}, one per thread.
 */
public interface SequenceEncoder {
    /** Identifier written to model files, e.g. "sasrec". */
    String kind();

    int itemCount();

    /** Width of the hidden vectors and item embeddings. */
    int dim();

    /** Longest sequence a forward pass accepts. */
    int maxLength();

    int parameterCount();

    /** Random initial parameters (seeded). */
    void initialize(float[] theta, SplittableRandom rng);

    Workspace newWorkspace();

    /**
     * Encodes {@code items[from, from + length)} ({@code 1 <= length <= maxLength()}); the result is
     * {@code ws.output()}, row-major {@code length x dim}. With {@code training} set, dropout is applied using
     * {@code rng} and what backward needs is kept in {@code ws}.
     */
    void forward(float[] theta, int[] items, int from, int length, boolean training, SplittableRandom rng,
            Workspace ws);

    /**
     * Adds the gradient of the loss to {@code grad} (same layout as theta), given {@code dOutput}, the
     * gradient with respect to {@code ws.output()} of the last training forward pass in {@code ws}.
     */
    void backward(float[] theta, Workspace ws, float[] dOutput, float[] grad);

    /** Architecture settings, for provenance and the model file. */
    Map<String, String> settings();

    /** Writes what {@link SequenceEncoders#read} needs to rebuild this encoder. */
    void writeArchitecture(DataOutput out) throws IOException;

    /** Per-thread scratch memory of an encoder, sized for its maximum length. */
    abstract class Workspace {
        /** Hidden vectors of the last forward pass, {@code length x dim}. */
        public abstract float[] output();
    }
}
