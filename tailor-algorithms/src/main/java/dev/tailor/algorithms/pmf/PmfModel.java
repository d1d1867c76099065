// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.pmf;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.common.Scoring;
import dev.tailor.algorithms.factor.Vectors;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.UserContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Predicts ratings {@code mu + b_u + b_i + p_u . q_i} and ranks items by the prediction. A user unknown at
 * training time is scored {@code mu + b_i}: the item's expected rating from anyone, which ranks well-liked items
 * first (PMF has no fold-in for ratings the context does not carry).
 */
public final class PmfModel implements SavableModel {
    static final int PAYLOAD_VERSION = 1;

    /**
     * The learned parameters.
     *
     * @param rank latent dimensions
     * @param mean global mean rating
     * @param userBias one per user
     * @param itemBias one per item
     * @param users users x rank
     * @param items items x rank
     */
    public record Parameters(int rank, float mean, float[] userBias, float[] itemBias, float[] users,
            float[] items) {
        public Parameters {
            if (rank <= 0 || users.length != userBias.length * rank || items.length != itemBias.length * rank) {
                throw new IllegalArgumentException("inconsistent PMF parameters: rank " + rank + ", "
                        + userBias.length + " users with " + users.length + " values, " + itemBias.length
                        + " items with " + items.length + " values");
            }
        }
    }

    private final Parameters p;
    private final Provenance provenance;

    public PmfModel(Parameters parameters, Provenance provenance) {
        this.p = parameters;
        this.provenance = provenance;
    }

    @Override
    public String name() {
        return PmfConfig.NAME;
    }

    @Override
    public int itemCount() {
        return p.itemBias().length;
    }

    public int userCount() {
        return p.userBias().length;
    }

    /** Predicted rating; a user outside [0, userCount()) gets the item's baseline {@code mu + b_i}. */
    public float predict(int user, int item) {
        float s = p.mean() + p.itemBias()[item];
        if (user >= 0 && user < userCount()) {
            s += p.userBias()[user] + Vectors.dot(p.users(), user * p.rank(), p.items(), item * p.rank(), p.rank());
        }
        return s;
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, itemCount(), name());
        int u = user.user();
        if (u >= 0 && u < userCount()) {
            Vectors.scoreRows(p.users(), u * p.rank(), p.items(), p.rank(), p.itemBias(), out);
            float base = p.mean() + p.userBias()[u];
            for (int i = 0; i < out.length; i++) {
                out[i] += base;
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = p.mean() + p.itemBias()[i];
            }
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
        out.writeInt(p.rank());
        out.writeFloat(p.mean());
        BinaryIO.writeFloats(out, p.userBias());
        BinaryIO.writeFloats(out, p.itemBias());
        BinaryIO.writeFloats(out, p.users());
        BinaryIO.writeFloats(out, p.items());
    }

    public static PmfModel readPayload(DataInput in, int version, Provenance provenance) throws IOException {
        BinaryIO.checkPayloadVersion(PmfConfig.NAME, version, PAYLOAD_VERSION);
        int rank = in.readInt();
        if (rank <= 0 || rank > PmfConfig.MAX_RANK) {
            throw new TailorException("corrupt model data: pmf rank " + rank);
        }
        float mean = in.readFloat();
        float[] userBias = BinaryIO.readFloats(in, -1);
        float[] itemBias = BinaryIO.readFloats(in, -1);
        float[] users = BinaryIO.readFloats(in, userBias.length * rank);
        float[] items = BinaryIO.readFloats(in, itemBias.length * rank);
        return new PmfModel(new Parameters(rank, mean, userBias, itemBias, users, items), provenance);
    }
}
