// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.graph;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.common.Scoring;
import dev.tailor.algorithms.itemknn.ItemKnnModel;
import dev.tailor.algorithms.similarity.Neighbours;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.UserContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * score(j) = sum over history entries h of weight(h) * recency^(steps before the latest) * W[h][j], over the
 * kept walk weights of the history items; items no history item reaches get item-kNN's negative,
 * popularity-ordered fallback. The scoring is item-kNN's over another neighbour table, so it is delegated to an
 * {@link ItemKnnModel}; this class gives it its own name, provenance and file payload.
 */
public final class Rp3Model implements SavableModel {
    static final int PAYLOAD_VERSION = 1;

    private final ItemKnnModel scorer;
    private final Provenance provenance;

    /**
     * @param neighbours item x item walk weights, top k per item
     * @param fallback per-item scores in [-1, 0) for items without evidence (taken over)
     * @param recency positional decay of the history in (0, 1]
     */
    public Rp3Model(Neighbours neighbours, float[] fallback, double recency, Provenance provenance) {
        this(new ItemKnnModel(neighbours, fallback, recency, provenance), provenance);
    }

    private Rp3Model(ItemKnnModel scorer, Provenance provenance) {
        this.scorer = scorer;
        this.provenance = provenance;
    }

    @Override
    public String name() {
        return Rp3Config.NAME;
    }

    @Override
    public int itemCount() {
        return scorer.itemCount();
    }

    /** The item x item weight table ("similar items" can read it directly). */
    public Neighbours neighbours() {
        return scorer.neighbours();
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, itemCount(), name());
        scorer.scoreAll(user, out);
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public int payloadVersion() {
        return PAYLOAD_VERSION;
    }

    /** The same body as item-kNN's: recency, fallback, neighbour table. */
    @Override
    public void writePayload(DataOutput out) throws IOException {
        scorer.writePayload(out);
    }

    public static Rp3Model readPayload(DataInput in, int version, Provenance provenance) throws IOException {
        BinaryIO.checkPayloadVersion(Rp3Config.NAME, version, PAYLOAD_VERSION);
        return new Rp3Model(ItemKnnModel.readBody(in, Rp3Config.NAME, provenance), provenance);
    }
}
