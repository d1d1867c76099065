// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.similarity;

import dev.tailor.core.data.CsrMatrix;
import java.util.Objects;

/**
 * TF-IDF or Okapi BM25 weighting of a "documents x terms" matrix, the feature weighting of Dacrema et al.'s
 * ItemKNN-CF / UserKNN-CF and of the {@code implicit} library. For item-kNN the documents are items and the
 * terms are users, so a user who interacted with a large part of the catalog says less about any pair of
 * items than a focused one; for user-kNN the roles swap and blockbuster items say less about two users.
 *
 * <ul>
 *   <li>idf(t) = max(0, ln(N / (1 + df(t)))), N documents, df(t) documents containing term t</li>
 *   <li>tfidf: w(d, t) = x(d, t) / rowSum(d) * idf(t)</li>
 *   <li>bm25: w(d, t) = x (k1 + 1) / (k1 ((1 - b) + b rowSum(d) / avgRowSum) + x) * idf(t)</li>
 * </ul>
 * The idf is clamped at 0 so that a term present in nearly every document cannot flip signs. Immutable: the
 * fitted idf and average length travel with a model so that a visitor's vector is weighted like the training
 * vectors were.
 */
public final class FeatureWeighting {
    private final Weighting scheme;
    private final double k1;
    private final double b;
    private final float[] idf;
    private final double averageLength;

    private FeatureWeighting(Weighting scheme, double k1, double b, float[] idf, double averageLength) {
        this.scheme = scheme;
        this.k1 = k1;
        this.b = b;
        this.idf = idf;
        this.averageLength = averageLength;
    }

    /** No weighting. */
    public static FeatureWeighting none() {
        return new FeatureWeighting(Weighting.NONE, 0, 0, new float[0], 1);
    }

    /** Rebuilds a fitted weighting (e.g. read from a model file). */
    public static FeatureWeighting of(Weighting scheme, double k1, double b, float[] idf, double averageLength) {
        Objects.requireNonNull(scheme, "scheme");
        return new FeatureWeighting(scheme, k1, b, idf.clone(), averageLength);
    }

    /** Fits idf and the average document length on {@code documents} (rows = documents, columns = terms). */
    public static FeatureWeighting fit(CsrMatrix documents, Weighting scheme, double k1, double b) {
        if (scheme == Weighting.NONE) {
            return none();
        }
        int[] df = documents.columnCounts();
        double n = documents.rows();
        float[] idf = new float[df.length];
        for (int t = 0; t < df.length; t++) {
            idf[t] = (float) Math.max(0, Math.log(n / (1.0 + df[t])));
        }
        double total = 0;
        int nonEmpty = 0;
        for (int d = 0; d < documents.rows(); d++) {
            double s = rowSum(documents, d);
            total += s;
            nonEmpty += documents.rowLength(d) > 0 ? 1 : 0;
        }
        // Average over documents that have any term: empty rows would otherwise shrink the average and
        // make every real document look long.
        double avg = nonEmpty == 0 ? 1 : total / nonEmpty;
        return new FeatureWeighting(scheme, k1, b, idf, avg);
    }

    public Weighting scheme() {
        return scheme;
    }

    public double k1() {
        return k1;
    }

    public double b() {
        return b;
    }

    public double averageLength() {
        return averageLength;
    }

    /** A copy of the fitted idf per term (empty for {@link Weighting#NONE}). */
    public float[] idf() {
        return idf.clone();
    }

    /** The weighted matrix, same sparsity structure; the input itself when the scheme is NONE. */
    public CsrMatrix apply(CsrMatrix documents) {
        if (scheme == Weighting.NONE) {
            return documents;
        }
        int rows = documents.rows();
        int[] ptr = new int[rows + 1];
        int[] cols = new int[documents.nnz()];
        float[] vals = new float[documents.nnz()];
        for (int d = 0; d < rows; d++) {
            int s = documents.rowStart(d);
            int e = documents.rowEnd(d);
            for (int k = s; k < e; k++) {
                cols[k] = documents.col(k);
                vals[k] = documents.value(k);
            }
            applyToRow(cols, vals, s, e);
            ptr[d + 1] = e;
        }
        return new CsrMatrix(rows, documents.cols(), ptr, cols, vals);
    }

    /**
     * Weights one document in place: {@code values[from, to)} of the terms {@code terms[from, to)}. Terms
     * outside the fitted vocabulary weigh 0 (nothing is known about them).
     */
    public void applyToRow(int[] terms, float[] values, int from, int to) {
        if (scheme == Weighting.NONE) {
            return;
        }
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += values[k];
        }
        double lengthNorm = (1 - b) + b * sum / averageLength;
        for (int k = from; k < to; k++) {
            int t = terms[k];
            double w = t >= 0 && t < idf.length ? idf[t] : 0;
            double x = values[k];
            double tf = scheme == Weighting.TFIDF
                    ? (sum > 0 ? x / sum : 0)
                    : x * (k1 + 1) / (k1 * lengthNorm + x);
            values[k] = (float) (tf * w);
        }
    }

    private static double rowSum(CsrMatrix m, int row) {
        double s = 0;
        for (int k = m.rowStart(row); k < m.rowEnd(row); k++) {
            s += m.value(k);
        }
        return s;
    }
}
