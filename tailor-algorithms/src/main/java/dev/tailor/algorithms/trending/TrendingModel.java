// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.trending;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.common.Scoring;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.UserContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;

/** Decayed popularity, the same for everyone; remembers the reference time the ages were measured from. */
public final class TrendingModel implements SavableModel {
    static final int PAYLOAD_VERSION = 1;

    private final float[] scores;
    private final long referenceMillis;
    private final Provenance provenance;

    /** Takes ownership of {@code scores}. */
    public TrendingModel(float[] scores, long referenceMillis, Provenance provenance) {
        this.scores = scores;
        this.referenceMillis = referenceMillis;
        this.provenance = provenance;
    }

    @Override
    public String name() {
        return TrendingConfig.NAME;
    }

    @Override
    public int itemCount() {
        return scores.length;
    }

    /** The latest event time of the training data: the "now" that ages were measured from. */
    public Instant referenceTime() {
        return Instant.ofEpochMilli(referenceMillis);
    }

    public float score(int item) {
        return scores[item];
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, scores.length, name());
        System.arraycopy(scores, 0, out, 0, scores.length);
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
        out.writeLong(referenceMillis);
        BinaryIO.writeFloats(out, scores);
    }

    public static TrendingModel readPayload(DataInput in, int version, Provenance provenance) throws IOException {
        BinaryIO.checkPayloadVersion(TrendingConfig.NAME, version, PAYLOAD_VERSION);
        long reference = in.readLong();
        return new TrendingModel(BinaryIO.readFloats(in, -1), reference, provenance);
    }
}
