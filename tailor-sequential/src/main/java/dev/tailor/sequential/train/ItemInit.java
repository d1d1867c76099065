// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.train;

import dev.tailor.core.error.ValidationException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Starting values for the item embeddings from outside vectors, typically a language model's vectors of the
 * item texts: one row per snapshot item (dense index order), any width. An all-zero row means "no text": that
 * item keeps its random initialization (the text encoders' blank-text contract gives exactly such rows).
 *
 * <p>{@link #apply} maps the rows to the model's width d: the rows with text are centred and projected onto
 * their top-d principal directions ({@link Pca}), then scaled by one common factor so their entries have the
 * standard deviation of the encoder's random item rows. One factor rather than one per component keeps PCA's
 * order of importance (the first direction spreads items most), and matching the random init's scale leaves
 * the rest of the network (positions, attention, the output layer that shares these embeddings) in the regime
 * its own initialization was chosen for. When d exceeds the text width, the extra coordinates keep their random
 * values. Positions and blocks are never touched.
 *
 * @param vectors row-major {@code rows x dim} item vectors (copied; finite values)
 * @param dim width of one row, {@code >= 1}
 * @param origin where the vectors come from (e.g. the text model's id), for the model's provenance; may be empty
 */
public record ItemInit(float[] vectors, int dim, String origin) {
    public ItemInit {
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(origin, "origin");
        if (dim < 1) {
            throw ValidationException.of("item-init.dim", "expected a vector width >= 1, got " + dim);
        }
        if (vectors.length % dim != 0) {
            throw ValidationException.of("item-init.vectors", "expected whole rows of " + dim + " floats, got "
                    + vectors.length + " floats");
        }
        for (int i = 0; i < vectors.length; i++) {
            if (!Float.isFinite(vectors[i])) {
                throw ValidationException.of("item-init.vectors", "expected finite values, row " + i / dim
                        + " component " + i % dim + " is " + vectors[i]);
            }
        }
        vectors = vectors.clone();
    }

    /** Vectors of no named origin. */
    public ItemInit(float[] vectors, int dim) {
        this(vectors, dim, "");
    }

    /** A copy of the vectors. */
    @Override
    public float[] vectors() {
        return vectors.clone();
    }

    /** Number of rows (items). */
    public int rows() {
        return vectors.length / dim;
    }

    /** Rows that are not all zero: the items with text. */
    public int rowsWithText() {
        int m = 0;
        for (int r = 0; r < rows(); r++) {
            if (hasText(r)) {
                m++;
            }
        }
        return m;
    }

    /**
     * Overwrites the embedding rows of the items with text in {@code theta[0, items * d)} (row i = item i, already
     * randomly initialized) with their principal-component projection, scaled to the random rows' standard
     * deviation. Returns the number of rows written: 0 when fewer than two items have text or their vectors
     * are all the same (no direction to project on), in which case {@code theta} is left as it was.
     *
     * @throws ValidationException naming {@code item-init} when the row count is not {@code items}
     */
    public int apply(float[] theta, int items, int d, long seed) {
        if (rows() != items) {
            throw ValidationException.of("item-init", "expected one vector per snapshot item (" + items
                    + " rows), got " + rows() + " rows");
        }
        if (d < 1 || theta.length < (long) items * d) {
            throw new IllegalArgumentException("theta too short for " + items + " x " + d + " embeddings");
        }
        int m = rowsWithText();
        if (m < 2) {
            return 0;
        }
        int p = dim;
        double[] mean = new double[p];
        for (int r = 0; r < items; r++) {
            if (hasText(r)) {
                for (int j = 0; j < p; j++) {
                    mean[j] += vectors[r * p + j];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= m;
        }
        double[] cov = covariance(items, mean, m);
        double total = 0;
        for (int j = 0; j < p; j++) {
            total += cov[j * p + j];
        }
        if (!(total > 0)) {
            return 0;
        }
        int k = Math.min(d, p);
        double[] dirs = Pca.topDirections(cov, p, k, seed ^ 0x5DEECE66DL);
        float[] proj = new float[m * k];
        double sq = 0;
        double[] centred = new double[p];
        int row = 0;
        for (int r = 0; r < items; r++) {
            if (!hasText(r)) {
                continue;
            }
            for (int j = 0; j < p; j++) {
                centred[j] = vectors[r * p + j] - mean[j];
            }
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < p; j++) {
                    s += centred[j] * dirs[j * k + c];
                }
                proj[row * k + c] = (float) s;
                sq += s * s;
            }
            row++;
        }
        double projStd = Math.sqrt(sq / ((double) m * k));
        if (!(projStd > 0)) {
            return 0;
        }
        float scale = (float) (randomStd(theta, items * d) / projStd);
        row = 0;
        for (int r = 0; r < items; r++) {
            if (!hasText(r)) {
                continue;
            }
            for (int c = 0; c < k; c++) {
                theta[r * d + c] = proj[row * k + c] * scale;
            }
            row++;
        }
        return m;
    }

    /** Covariance (divided by m) of the rows with text, {@code dim x dim}, accumulated in double. */
    private double[] covariance(int items, double[] mean, int m) {
        int p = dim;
        double[] cov = new double[p * p];
        double[] c = new double[p];
        for (int r = 0; r < items; r++) {
            if (!hasText(r)) {
                continue;
            }
            for (int j = 0; j < p; j++) {
                c[j] = vectors[r * p + j] - mean[j];
            }
            for (int i = 0; i < p; i++) {
                double ci = c[i];
                int o = i * p;
                for (int j = i; j < p; j++) {
                    cov[o + j] += ci * c[j];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double v = cov[i * p + j] / m;
                cov[i * p + j] = v;
                cov[j * p + i] = v;
            }
        }
        return cov;
    }

    /** Root mean square of the random item rows: their standard deviation, as the init draws them with mean 0. */
    private static double randomStd(float[] theta, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) theta[i] * theta[i];
        }
        return Math.sqrt(s / n);
    }

    private boolean hasText(int r) {
        int o = r * dim;
        for (int j = 0; j < dim; j++) {
            if (vectors[o + j] != 0f) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemInit other && dim == other.dim && Arrays.equals(vectors, other.vectors);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(vectors) + dim;
    }

    @Override
    public String toString() {
        return "ItemInit[" + rows() + " x " + dim + "]";
    }
}
