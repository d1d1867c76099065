// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.ease;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.common.Scoring;
import dev.tailor.algorithms.factor.Provenances;
import dev.tailor.algorithms.factor.Vectors;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.UserContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Scores {@code s_j = sum over history entries h of weight(h) * recency^p(h) * B[item(h)][j]}, p(h) being how many
 * entries came after h: the user's current context times the learned item x item matrix, so fresh events count
 * at once (and, with recency below 1, count most). Cost per call: one row of B (n floats)
 * per history entry. A context without a usable entry gets popularity order (negative scores in [-1, 0)).
 */
public final class EaseModel implements SavableModel {
    static final int PAYLOAD_VERSION = 1;

    private final int items;
    private final float[] weights;
    private final float[] fallback;
    private final float recency;
    private final Provenance provenance;

    /**
     * @param weights n x n row-major weight matrix B with a zero diagonal (taken over)
     * @param fallback per-item scores in [-1, 0) for contexts without usable history
     * @param recency in (0, 1]: decay per entry towards the past
     */
    public EaseModel(int items, float[] weights, float[] fallback, float recency, Provenance provenance) {
        if ((long) items * items != weights.length || fallback.length != items) {
            throw new IllegalArgumentException("inconsistent EASE model: " + items + " items, " + weights.length
                    + " weights, " + fallback.length + " fallback scores");
        }
        if (!(recency > 0 && recency <= 1)) {
            throw new IllegalArgumentException("recency must be in (0, 1], was " + recency);
        }
        this.items = items;
        this.recency = recency;
        this.weights = weights;
        this.fallback = fallback;
        this.provenance = provenance;
    }

    @Override
    public String name() {
        return EaseConfig.NAME;
    }

    @Override
    public int itemCount() {
        return items;
    }

    /**
     * The same weights scored with another recency: a scoring-time setting, so tuning it needs no retraining
     * (the weights are shared, not copied).
     */
    public EaseModel withRecency(double newRecency) {
        return new EaseModel(items, weights, fallback, (float) newRecency, Provenances.with(provenance, "recency",
                newRecency));
    }

    /** B[from][to]: how much an interaction with {@code from} raises the score of {@code to}. */
    public float weight(int from, int to) {
        return weights[from * items + to];
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, items, name());
        int[] its = user.items();
        float[] ws = user.weights();
        boolean any = false;
        double decay = 1;
        for (int h = its.length - 1; h >= 0; h--, decay *= recency) {
            if (Scoring.usable(its[h], ws[h], items)) {
                if (!any) {
                    java.util.Arrays.fill(out, 0f);
                    any = true;
                }
                Vectors.axpy((float) (ws[h] * decay), weights, its[h] * items, out, 0, items);
            }
        }
        if (!any) {
            System.arraycopy(fallback, 0, out, 0, items);
        }
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public int payloadVersion() {
        return PAYLOAD_VERSION;
    }

    @Override
    public void writePayload(DataOutput out) throws IOException {
        out.writeInt(items);
        out.writeFloat(recency);
        BinaryIO.writeFloats(out, fallback);
        BinaryIO.writeFloats(out, weights);
    }

    public static EaseModel readPayload(DataInput in, int version, Provenance provenance) throws IOException {
        BinaryIO.checkPayloadVersion(EaseConfig.NAME, version, PAYLOAD_VERSION);
        int items = in.readInt();
        float recency = in.readFloat();
        if (items < 0 || items > EaseConfig.HARD_MAX_ITEMS || !(recency > 0 && recency <= 1)) {
            throw new TailorException("corrupt model data: ease item count " + items + ", recency " + recency);
        }
        float[] fallback = BinaryIO.readFloats(in, items);
        float[] weights = BinaryIO.readFloats(in, items * items);
        return new EaseModel(items, weights, fallback, recency, provenance);
    }
}
