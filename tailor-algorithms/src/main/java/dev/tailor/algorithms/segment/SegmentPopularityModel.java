// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.segment;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.common.Scoring;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.UserContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Scores are probabilities. With g(i) = global count share of item i, c_s(i) the count of i in segment s,
 * T_s the segment's total and m the prior, a segment's smoothed share is
 * p_s(i) = (c_s(i) + m g(i)) / (T_s + m) (a Dirichlet prior centred on global popularity: segments with little
 * data lean on the global list, large ones speak for themselves). A user in segments S gets the mean of p_s
 * over S; segments unknown to the model are ignored, and a user in no known segment gets g.
 */
public final class SegmentPopularityModel implements SavableModel {
    static final int PAYLOAD_VERSION = 1;

    private final float[] globalCounts;
    private final float[] globalShare;
    private final CsrMatrix segmentCounts;
    private final double[] segmentTotals;
    private final double prior;
    private final Provenance provenance;

    /**
     * @param globalCounts count per item over all users (taken over)
     * @param segmentCounts segment x item counts
     */
    public SegmentPopularityModel(float[] globalCounts, CsrMatrix segmentCounts, double prior,
            Provenance provenance) {
        if (segmentCounts.cols() != globalCounts.length) {
            throw new IllegalArgumentException("segment counts have " + segmentCounts.cols() + " items, global "
                    + globalCounts.length);
        }
        double total = 0;
        for (float c : globalCounts) {
            total += c;
        }
        this.globalShare = new float[globalCounts.length];
        for (int i = 0; i < globalCounts.length; i++) {
            globalShare[i] = total > 0 ? (float) (globalCounts[i] / total) : 0f;
        }
        this.segmentCounts = segmentCounts;
        this.segmentTotals = new double[segmentCounts.rows()];
        for (int s = 0; s < segmentCounts.rows(); s++) {
            double t = 0;
            for (int k = segmentCounts.rowStart(s); k < segmentCounts.rowEnd(s); k++) {
                t += segmentCounts.value(k);
            }
            segmentTotals[s] = t;
        }
        this.prior = prior;
        this.provenance = provenance;
        this.globalCounts = globalCounts;
    }

    @Override
    public String name() {
        return SegmentPopularityConfig.NAME;
    }

    @Override
    public int itemCount() {
        return globalShare.length;
    }

    /** Number of segments the model has counts for. */
    public int segmentCount() {
        return segmentCounts.rows();
    }

    /** Smoothed share p_s(i) of item i in segment s. */
    public double share(int segment, int item) {
        double denominator = segmentTotals[segment] + prior;
        if (denominator <= 0) {
            return globalShare[item];
        }
        return (segmentCounts.get(segment, item) + prior * globalShare[item]) / denominator;
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, globalShare.length, name());
        int[] segments = user.segments();
        int known = 0;
        for (int a = 0; a < segments.length; a++) {
            if (isNewKnownSegment(segments, a)) {
                known++;
            }
        }
        if (known == 0) {
            System.arraycopy(globalShare, 0, out, 0, globalShare.length);
            return;
        }
        // mean_s p_s(i) = g(i) * mean_s [m / (T_s + m)] + mean_s [c_s(i) / (T_s + m)]: one dense pass for the
        // prior part, then one sparse pass per segment.
        double globalWeight = 0;
        for (int a = 0; a < segments.length; a++) {
            if (isNewKnownSegment(segments, a)) {
                int s = segments[a];
                double denominator = segmentTotals[s] + prior;
                globalWeight += denominator <= 0 ? 1 : prior / denominator;
            }
        }
        float gw = (float) (globalWeight / known);
        for (int i = 0; i < out.length; i++) {
            out[i] = gw * globalShare[i];
        }
        for (int a = 0; a < segments.length; a++) {
            if (isNewKnownSegment(segments, a)) {
                int s = segments[a];
                double denominator = segmentTotals[s] + prior;
                if (denominator > 0) {
                    float scale = (float) (1.0 / (denominator * known));
                    for (int k = segmentCounts.rowStart(s); k < segmentCounts.rowEnd(s); k++) {
                        out[segmentCounts.col(k)] += scale * segmentCounts.value(k);
                    }
                }
            }
        }
    }

    /** Whether segments[a] is a segment this model knows, seen for the first time in the array. */
    private boolean isNewKnownSegment(int[] segments, int a) {
        int s = segments[a];
        if (s < 0 || s >= segmentCounts.rows()) {
            return false;
        }
        for (int b = 0; b < a; b++) {
            if (segments[b] == s) {
                return false;
            }
        }
        return true;
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
        out.writeDouble(prior);
        BinaryIO.writeFloats(out, globalCounts);
        BinaryIO.writeMatrix(out, segmentCounts);
    }

    public static SegmentPopularityModel readPayload(DataInput in, int version, Provenance provenance)
            throws IOException {
        BinaryIO.checkPayloadVersion(SegmentPopularityConfig.NAME, version, PAYLOAD_VERSION);
        double prior = in.readDouble();
        if (!(prior >= 0) || Double.isInfinite(prior)) {
            throw new TailorException("corrupt model data: segment-pop prior " + prior);
        }
        float[] global = BinaryIO.readFloats(in, -1);
        CsrMatrix counts = BinaryIO.readMatrix(in, -1, global.length, "segment counts");
        return new SegmentPopularityModel(global, counts, prior, provenance);
    }
}
