// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.popularity;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.common.Scoring;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.UserContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The score of an item is its popularity count, whoever asks. */
public final class PopularityModel implements SavableModel {
    static final int PAYLOAD_VERSION = 1;

    private final float[] counts;
    private final Provenance provenance;

    /** Takes ownership of {@code counts}. */
    public PopularityModel(float[] counts, Provenance provenance) {
        this.counts = counts;
        this.provenance = provenance;
    }

    @Override
    public String name() {
        return PopularityConfig.NAME;
    }

    @Override
    public int itemCount() {
        return counts.length;
    }

    /** The popularity count of one item. */
    public float count(int item) {
        return counts[item];
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, counts.length, name());
        System.arraycopy(counts, 0, out, 0, counts.length);
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
        BinaryIO.writeFloats(out, counts);
    }

    public static PopularityModel readPayload(DataInput in, int version, Provenance provenance)
            throws IOException {
        BinaryIO.checkPayloadVersion(PopularityConfig.NAME, version, PAYLOAD_VERSION);
        return new PopularityModel(BinaryIO.readFloats(in, -1), provenance);
    }
}
