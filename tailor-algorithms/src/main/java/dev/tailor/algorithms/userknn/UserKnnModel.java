// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.userknn;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.common.Scoring;
import dev.tailor.algorithms.similarity.BoundedHeap;
import dev.tailor.algorithms.similarity.FeatureWeighting;
import dev.tailor.algorithms.similarity.NeighbourSearch;
import dev.tailor.algorithms.similarity.Neighbours;
import dev.tailor.algorithms.similarity.Similarity;
import dev.tailor.algorithms.similarity.SimilarityMeasure;
import dev.tailor.algorithms.similarity.Weighting;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.UserContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * score(i) = sum over the user's neighbours v of sim(u, v) * r(v, i), with r the (event-weighted, not
 * TF-IDF/BM25-weighted) user x item matrix. Known users use the neighbours found at training time; a visitor
 * (user -1), or any user when fold-in is on, gets neighbours computed from the context: its items and weights
 * are summed per item, weighted like the training rows, and compared with every training user sharing an item
 * through the item -> user inverted index. That path allocates two arrays of one entry per training user per
 * call. Items no neighbour has get a negative, popularity-ordered fallback score.
 */
public final class UserKnnModel implements SavableModel {
    static final int PAYLOAD_VERSION = 1;

    private final CsrMatrix ratings;
    private final FeatureWeighting weighting;
    private final CsrMatrix weightedByItem;
    private final double[] squaredNorms;
    private final Neighbours neighbours;
    private final SimilarityMeasure measure;
    private final int k;
    private final boolean foldIn;
    private final float[] fallback;
    private final Provenance provenance;

    /**
     * @param ratings user x item matrix the scores sum over
     * @param weighting the weighting fitted on {@code ratings}
     * @param weighted {@code weighting.apply(ratings)}
     * @param neighbours user x user neighbour table of the training users
     * @param fallback per-item scores in [-1, 0) for items without evidence (taken over)
     */
    public UserKnnModel(CsrMatrix ratings, FeatureWeighting weighting, CsrMatrix weighted, Neighbours neighbours,
            SimilarityMeasure measure, int k, boolean foldIn, float[] fallback, Provenance provenance) {
        if (ratings.cols() != fallback.length || weighted.rows() != ratings.rows()
                || weighted.cols() != ratings.cols() || neighbours.rows() != ratings.rows()
                || neighbours.cols() != ratings.rows()) {
            throw new IllegalArgumentException("user-knn parts disagree on dimensions");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        this.ratings = ratings;
        this.weighting = weighting;
        this.weightedByItem = weighted.transpose();
        this.squaredNorms = new double[weighted.rows()];
        for (int u = 0; u < weighted.rows(); u++) {
            squaredNorms[u] = NeighbourSearch.squaredNorm(weighted, u);
        }
        this.neighbours = neighbours;
        this.measure = measure;
        this.k = k;
        this.foldIn = foldIn;
        this.fallback = fallback;
        this.provenance = provenance;
    }

    @Override
    public String name() {
        return UserKnnConfig.NAME;
    }

    @Override
    public int itemCount() {
        return fallback.length;
    }

    /** Number of training users. */
    public int userCount() {
        return ratings.rows();
    }

    /** The user x user neighbour table of the training users. */
    public Neighbours neighbours() {
        return neighbours;
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, fallback.length, name());
        System.arraycopy(fallback, 0, out, 0, fallback.length);
        if (user.user() >= 0 && user.user() < ratings.rows() && !foldIn) {
            for (int p = neighbours.start(user.user()); p < neighbours.end(user.user()); p++) {
                addRow(neighbours.neighbour(p), neighbours.similarity(p), out);
            }
            return;
        }
        int[] nIdx = new int[k];
        float[] nSim = new float[k];
        int n = neighboursOf(user, nIdx, nSim);
        for (int j = 0; j < n; j++) {
            addRow(nIdx[j], nSim[j], out);
        }
    }

    private void addRow(int v, float sim, float[] out) {
        for (int p = ratings.rowStart(v); p < ratings.rowEnd(v); p++) {
            int i = ratings.col(p);
            float current = out[i];
            out[i] = (current < 0f ? 0f : current) + sim * ratings.value(p);
        }
    }

    /**
     * The k training users most similar to the context (best first, the context's own user excluded), written
     * to {@code outIdx/outSim}; returns how many were found.
     */
    public int neighboursOf(UserContext user, int[] outIdx, float[] outSim) {
        int[] items = user.items();
        float[] weights = user.weights();
        // Sum weights per distinct item: sort (item, position) pairs packed into longs, then merge runs.
        long[] keys = new long[items.length];
        int m = 0;
        for (int h = 0; h < items.length; h++) {
            if (Scoring.usable(items[h], weights[h], fallback.length)) {
                keys[m++] = ((long) items[h] << 32) | h;
            }
        }
        Arrays.sort(keys, 0, m);
        int[] terms = new int[m];
        float[] values = new float[m];
        int len = 0;
        for (int a = 0; a < m; a++) {
            int item = (int) (keys[a] >>> 32);
            float w = weights[(int) keys[a]];
            if (len > 0 && terms[len - 1] == item) {
                values[len - 1] += w;
            } else {
                terms[len] = item;
                values[len] = w;
                len++;
            }
        }
        weighting.applyToRow(terms, values, 0, len);
        double sq = 0;
        for (int a = 0; a < len; a++) {
            sq += (double) values[a] * values[a];
        }
        int users = ratings.rows();
        float[] acc = new float[users];
        int[] touched = new int[users];
        boolean[] seen = new boolean[users];
        int nt = 0;
        int self = user.user();
        for (int a = 0; a < len; a++) {
            int f = terms[a];
            float x = values[a];
            for (int q = weightedByItem.rowStart(f); q < weightedByItem.rowEnd(f); q++) {
                int v = weightedByItem.col(q);
                if (v == self) {
                    continue;
                }
                if (!seen[v]) {
                    seen[v] = true;
                    touched[nt++] = v;
                }
                acc[v] += x * weightedByItem.value(q);
            }
        }
        BoundedHeap heap = new BoundedHeap(Math.min(k, outIdx.length));
        for (int t = 0; t < nt; t++) {
            int v = touched[t];
            if (acc[v] > 0) {
                float s = (float) measure.score(acc[v], sq, squaredNorms[v]);
                if (s > 0 && s < Float.POSITIVE_INFINITY) {
                    heap.offer(v, s);
                }
            }
        }
        return heap.drainDescending(outIdx, outSim, 0);
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
        out.writeUTF(measure.similarity().specName());
        out.writeDouble(measure.shrink());
        out.writeDouble(measure.alpha());
        out.writeInt(k);
        out.writeBoolean(foldIn);
        out.writeUTF(weighting.scheme().specName());
        out.writeDouble(weighting.k1());
        out.writeDouble(weighting.b());
        out.writeDouble(weighting.averageLength());
        BinaryIO.writeFloats(out, weighting.idf());
        BinaryIO.writeFloats(out, fallback);
        BinaryIO.writeMatrix(out, ratings);
        neighbours.write(out);
    }

    public static UserKnnModel readPayload(DataInput in, int version, Provenance provenance) throws IOException {
        BinaryIO.checkPayloadVersion(UserKnnConfig.NAME, version, PAYLOAD_VERSION);
        try {
            SimilarityMeasure measure = new SimilarityMeasure(Similarity.parse(in.readUTF()), in.readDouble(),
                    in.readDouble());
            int k = in.readInt();
            boolean foldIn = in.readBoolean();
            Weighting scheme = Weighting.parse(in.readUTF());
            double k1 = in.readDouble();
            double b = in.readDouble();
            double avg = in.readDouble();
            float[] idf = BinaryIO.readFloats(in, -1);
            float[] fallback = BinaryIO.readFloats(in, -1);
            CsrMatrix ratings = BinaryIO.readMatrix(in, -1, fallback.length, "ratings");
            FeatureWeighting weighting = FeatureWeighting.of(scheme, k1, b, idf, avg);
            Neighbours neighbours = Neighbours.read(in, ratings.rows(), ratings.rows());
            return new UserKnnModel(ratings, weighting, weighting.apply(ratings), neighbours, measure, k, foldIn,
                    fallback, provenance);
        } catch (IllegalArgumentException e) {
            throw new TailorException("corrupt model data: " + e.getMessage(), e);
        }
    }
}
