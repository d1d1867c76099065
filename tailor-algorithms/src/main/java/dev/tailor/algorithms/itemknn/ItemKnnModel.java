// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.itemknn;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.common.Scoring;
import dev.tailor.algorithms.similarity.Neighbours;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.UserContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * score(c) = sum over history entries h of weight(h) * recency^(steps before the latest) * sim(h -> c), over
 * the neighbour lists of the history items. Items no history item points to get a negative, popularity-ordered
 * fallback score, so they rank after every item with evidence but still in a sensible order (a visitor with an
 * empty history sees the most popular items). History entries with a non-positive weight or an item unknown
 * to the model are skipped. Cost per call: one copy of the fallback array plus the history's neighbour lists.
 */
public final class ItemKnnModel implements SavableModel {
    static final int PAYLOAD_VERSION = 1;

    private final Neighbours neighbours;
    private final float[] fallback;
    private final double recency;
    private final Provenance provenance;

    /**
     * @param neighbours item x item neighbour table
     * @param fallback per-item scores in [-1, 0) for items without evidence (taken over)
     * @param recency positional decay of the history in (0, 1]
     */
    public ItemKnnModel(Neighbours neighbours, float[] fallback, double recency, Provenance provenance) {
        if (neighbours.rows() != fallback.length || neighbours.cols() != fallback.length) {
            throw new IllegalArgumentException("neighbour table and fallback disagree on the item count");
        }
        if (!(recency > 0 && recency <= 1)) {
            throw new IllegalArgumentException("recency must be in (0, 1], was " + recency);
        }
        this.neighbours = neighbours;
        this.fallback = fallback;
        this.recency = recency;
        this.provenance = provenance;
    }

    @Override
    public String name() {
        return ItemKnnConfig.NAME;
    }

    @Override
    public int itemCount() {
        return fallback.length;
    }

    /** The item-item neighbour table ("similar items" for an item page reads it directly). */
    public Neighbours neighbours() {
        return neighbours;
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, fallback.length, name());
        System.arraycopy(fallback, 0, out, 0, fallback.length);
        int[] items = user.items();
        float[] weights = user.weights();
        double decay = 1;
        for (int h = items.length - 1; h >= 0; h--, decay *= recency) {
            int item = items[h];
            if (!Scoring.usable(item, weights[h], fallback.length)) {
                continue;
            }
            float w = (float) (weights[h] * decay);
            if (w <= 0f) {
                continue; // decayed to nothing: a long history's oldest entries
            }
            for (int p = neighbours.start(item); p < neighbours.end(item); p++) {
                int c = neighbours.neighbour(p);
                float current = out[c];
                // A negative score is the fallback: the first piece of evidence replaces it.
                out[c] = (current < 0f ? 0f : current) + w * neighbours.similarity(p);
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
        out.writeDouble(recency);
        BinaryIO.writeFloats(out, fallback);
        neighbours.write(out);
    }

    public static ItemKnnModel readPayload(DataInput in, int version, Provenance provenance) throws IOException {
        BinaryIO.checkPayloadVersion(ItemKnnConfig.NAME, version, PAYLOAD_VERSION);
        return readBody(in, ItemKnnConfig.NAME, provenance);
    }

    /**
     * Reads what {@link #writePayload} wrote, after the caller checked its own payload version: models that score
     * like item-kNN over another neighbour table (RP3beta) store the same body.
     *
     * @param name the algorithm named in a corrupt-data message
     */
    public static ItemKnnModel readBody(DataInput in, String name, Provenance provenance) throws IOException {
        double recency = in.readDouble();
        if (!(recency > 0 && recency <= 1)) {
            throw new TailorException("corrupt model data: " + name + " recency " + recency);
        }
        float[] fallback = BinaryIO.readFloats(in, -1);
        Neighbours neighbours = Neighbours.read(in, fallback.length, fallback.length);
        return new ItemKnnModel(neighbours, fallback, recency, provenance);
    }
}
