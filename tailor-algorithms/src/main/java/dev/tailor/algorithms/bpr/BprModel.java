// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.bpr;

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
 * Scores {@code x_u . y_i + b_i}. A user unknown at training time is represented by the weighted mean of the
 * factors of the items in their context (BPR's objective has no closed-form fold-in; the mean lands the visitor
 * among the users who liked the same items); a context without a usable item gets popularity order (negative
 * scores in [-1, 0)). Known users are scored with their trained factors.
 */
public final class BprModel implements SavableModel {
    static final int PAYLOAD_VERSION = 1;

    private final int rank;
    private final float[] users;
    private final float[] items;
    private final float[] itemBias;
    private final float[] fallback;
    private final Provenance provenance;

    /**
     * @param users numUsers x rank (taken over)
     * @param items numItems x rank (taken over)
     * @param itemBias one per item (zeros when the model has none)
     * @param fallback per-item scores in [-1, 0) for visitors without usable history
     */
    public BprModel(int rank, float[] users, float[] items, float[] itemBias, float[] fallback,
            Provenance provenance) {
        if (rank <= 0 || users.length % rank != 0 || items.length != itemBias.length * rank
                || fallback.length != itemBias.length) {
            throw new IllegalArgumentException("inconsistent BPR model: rank " + rank + ", " + users.length
                    + " user values, " + items.length + " item values, " + itemBias.length + " biases");
        }
        this.rank = rank;
        this.users = users;
        this.items = items;
        this.itemBias = itemBias;
        this.fallback = fallback;
        this.provenance = provenance;
    }

    @Override
    public String name() {
        return BprConfig.NAME;
    }

    @Override
    public int itemCount() {
        return itemBias.length;
    }

    public int userCount() {
        return users.length / rank;
    }

    public int rank() {
        return rank;
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, itemBias.length, name());
        int u = user.user();
        if (u >= 0 && u < userCount()) {
            Vectors.scoreRows(users, u * rank, items, rank, itemBias, out);
            return;
        }
        float[] x = new float[rank];
        double total = 0;
        int[] its = user.items();
        float[] ws = user.weights();
        for (int h = 0; h < its.length; h++) {
            if (Scoring.usable(its[h], ws[h], itemBias.length)) {
                Vectors.axpy(ws[h], items, its[h] * rank, x, 0, rank);
                total += ws[h];
            }
        }
        if (total == 0) {
            System.arraycopy(fallback, 0, out, 0, fallback.length);
            return;
        }
        for (int f = 0; f < rank; f++) {
            x[f] /= (float) total;
        }
        Vectors.scoreRows(x, 0, items, rank, itemBias, out);
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
        out.writeInt(rank);
        BinaryIO.writeFloats(out, itemBias);
        BinaryIO.writeFloats(out, fallback);
        BinaryIO.writeFloats(out, items);
        BinaryIO.writeFloats(out, users);
    }

    public static BprModel readPayload(DataInput in, int version, Provenance provenance) throws IOException {
        BinaryIO.checkPayloadVersion(BprConfig.NAME, version, PAYLOAD_VERSION);
        int rank = in.readInt();
        if (rank <= 0 || rank > BprConfig.MAX_RANK) {
            throw new TailorException("corrupt model data: bpr rank " + rank);
        }
        float[] bias = BinaryIO.readFloats(in, -1);
        float[] fallback = BinaryIO.readFloats(in, bias.length);
        float[] items = BinaryIO.readFloats(in, bias.length * rank);
        float[] users = BinaryIO.readFloats(in, -1);
        return new BprModel(rank, users, items, bias, fallback, provenance);
    }
}
