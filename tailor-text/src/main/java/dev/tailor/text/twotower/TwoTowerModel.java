// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.twotower;

import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.UserContext;
import java.util.List;

/**
 * Scores every item for a customer by the cosine between the customer vector (recency-weighted sum of the
 * adapted vectors of their last {@code historyLength} items) and each item's adapted vector. Items are scored
 * from their text alone, so an item without any interaction ranks like any other. A customer without history
 * gets all-zero scores (the caller's fallback, e.g. popularity, decides). Immutable and thread-safe.
 */
public final class TwoTowerModel implements RecommenderModel {
    private final String name;
    private final ItemVectors frozen;
    private final Adapter adapter;
    private final float[] adapted;
    private final int historyLength;
    private final float recencyDecay;
    private final LearningCurve curve;
    private final Provenance provenance;

    TwoTowerModel(String name, ItemVectors frozen, Adapter adapter, int historyLength, float recencyDecay,
            LearningCurve curve, Provenance provenance) {
        if (adapter.dim() != frozen.dim()) {
            throw ValidationException.of("adapter", "adapter has " + adapter.dim() + " dims, item vectors "
                    + frozen.dim());
        }
        this.name = name;
        this.frozen = frozen;
        this.adapter = adapter;
        this.adapted = adapter.applyAll(frozen);
        this.historyLength = historyLength;
        this.recencyDecay = recencyDecay;
        this.curve = curve;
        this.provenance = provenance;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int itemCount() {
        return frozen.count();
    }

    public int dim() {
        return frozen.dim();
    }

    public ItemVectors itemVectors() {
        return frozen;
    }

    public Adapter adapter() {
        return adapter;
    }

    public int historyLength() {
        return historyLength;
    }

    public float recencyDecay() {
        return recencyDecay;
    }

    /** Per-epoch training and validation numbers; empty for an untrained (frozen) model. */
    public LearningCurve learningCurve() {
        return curve;
    }

    /** The adapted, unit-length vector of one item (all zero for an item without text). */
    public float[] itemVector(int item) {
        int d = frozen.dim();
        float[] v = new float[d];
        System.arraycopy(adapted, item * d, v, 0, d);
        return v;
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        if (out.length != itemCount()) {
            throw new IllegalArgumentException("out has " + out.length + " slots for " + itemCount() + " items");
        }
        int d = frozen.dim();
        float[] q = new float[d];
        int[] items = user.items();
        if (!query(adapted, d, items, user.weights(), 0, items.length, historyLength, recencyDecay, q)) {
            java.util.Arrays.fill(out, 0f);
            return;
        }
        scoreAgainst(adapted, d, q, out);
    }

    /**
     * The customer vector of {@code items[from..to)} (oldest first; the last {@code historyLength} count, the
     * k-th most recent weighted {@code decay^k} times its event weight), normalized into {@code q}.
     *
     * @return false when no item contributes (empty history or only text-less items)
     */
    static boolean query(float[] vectors, int d, int[] items, float[] weights, int from, int to, int historyLength,
            float decay, float[] q) {
        java.util.Arrays.fill(q, 0f);
        float w = 1f;
        int used = 0;
        for (int k = to - 1; k >= from && used < historyLength; k--, used++) {
            float wk = w * (weights == null ? 1f : weights[k]);
            w *= decay;
            if (wk <= 0f) {
                continue;
            }
            int off = items[k] * d;
            for (int j = 0; j < d; j++) {
                q[j] += wk * vectors[off + j];
            }
        }
        return Adapter.normalize(q, 0, d) > 0f;
    }

    static void scoreAgainst(float[] vectors, int d, float[] q, float[] out) {
        int n = out.length;
        for (int i = 0; i < n; i++) {
            int off = i * d;
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            int j = 0;
            for (; j + 3 < d; j += 4) {
                s0 += q[j] * vectors[off + j];
                s1 += q[j + 1] * vectors[off + j + 1];
                s2 += q[j + 2] * vectors[off + j + 2];
                s3 += q[j + 3] * vectors[off + j + 3];
            }
            for (; j < d; j++) {
                s0 += q[j] * vectors[off + j];
            }
            out[i] = (s0 + s1) + (s2 + s3);
        }
    }

    float[] adaptedRaw() {
        return adapted;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public String toString() {
        return name + "[" + frozen.count() + " items, " + frozen.dim() + " dims, adapter h=" + adapter.hidden()
                + " " + adapter.activation() + ", " + adapter.parameterCount() + " params, epochs "
                + curve.epochs().size() + "]";
    }

    /** One epoch of training. */
    public record Epoch(int epoch, double trainLoss, double validLoss, double validRecall20, double validNdcg20,
            long millis) {
    }

    /**
     * Training history; epoch 0 is the untrained adapter (the frozen encoder) on the validation customers.
     *
     * @param best index in {@code epochs} of the kept parameters (-1 when there are no epochs)
     */
    public record LearningCurve(List<Epoch> epochs, int best) {
        public LearningCurve {
            epochs = List.copyOf(epochs);
        }

        public static LearningCurve none() {
            return new LearningCurve(List.of(), -1);
        }
    }
}
