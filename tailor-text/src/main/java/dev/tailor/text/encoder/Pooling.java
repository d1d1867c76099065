// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

/**
 * How a transformer's per-token hidden states become one sentence vector. The choice is part of the model, not
 * a tuning knob: each checkpoint was trained with one, and the other gives measurably worse vectors.
 */
public enum Pooling {
    /** The hidden state of the first token ({@code [CLS]}), as BGE models are trained. */
    CLS {
        @Override
        void pool(float[] hidden, int row, int seqLen, int dim, long[] mask, float[] out) {
            System.arraycopy(hidden, row * seqLen * dim, out, 0, dim);
        }
    },
    /**
     * The average of the hidden states of the real (attention mask 1) tokens, {@code [CLS]} and {@code [SEP]}
     * included, as sentence-transformers models such as all-MiniLM-L6-v2 are trained. Padding must not count,
     * or the same text would get a different vector in a batch with a longer neighbour.
     */
    MEAN {
        @Override
        void pool(float[] hidden, int row, int seqLen, int dim, long[] mask, float[] out) {
            java.util.Arrays.fill(out, 0, dim, 0f);
            int maskBase = row * seqLen;
            int count = 0;
            for (int t = 0; t < seqLen; t++) {
                if (mask[maskBase + t] == 0) {
                    continue;
                }
                count++;
                int base = (maskBase + t) * dim;
                for (int j = 0; j < dim; j++) {
                    out[j] += hidden[base + j];
                }
            }
            if (count > 0) {
                float inv = 1f / count;
                for (int j = 0; j < dim; j++) {
                    out[j] *= inv;
                }
            }
        }
    };

    /**
     * Writes the pooled vector of one batch row into {@code out[0..dim)}.
     *
     * @param hidden the model output, row-major {@code [batch][seqLen][dim]}
     * @param row which batch row
     * @param seqLen padded sequence length of the batch
     * @param dim hidden size
     * @param mask attention mask, row-major {@code [batch][seqLen]}, 1 for real tokens and 0 for padding
     * @param out receives the pooled vector (not yet normalized)
     */
    abstract void pool(float[] hidden, int row, int seqLen, int dim, long[] mask, float[] out);
}
