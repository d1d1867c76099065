// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.similarity;

import dev.tailor.algorithms.common.Checks;
import java.util.Objects;

/**
 * A similarity with its shrinkage. For vectors a (the source: the history item, or the user being served)
 * and b (the candidate) with dot product d and squared norms |a|², |b|²:
 * <ul>
 *   <li>cosine: d / (|a| |b| + shrink)</li>
 *   <li>jaccard: d / (|a|² + |b|² - d + shrink) — Tanimoto, which on 0/1 vectors is |A∩B| / |A∪B|</li>
 *   <li>asymmetric: d / (|a|^(2 alpha) |b|^(2 (1 - alpha)) + shrink) — Aiolli (2013); alpha = 0.5 is cosine,
 *       alpha = 1 is the conditional probability P(b | a) on 0/1 data, which favours popular candidates</li>
 * </ul>
 * The shrink term damps similarities resting on little support (a pair co-rated by two users), the usual
 * remedy in neighbourhood models (Koren 2008; RecBole's and Dacrema et al.'s ItemKNN).
 *
 * @param similarity the formula
 * @param shrink added to the denominator, >= 0
 * @param alpha asymmetry in [0, 1]; only used by {@link Similarity#ASYMMETRIC}
 */
public record SimilarityMeasure(Similarity similarity, double shrink, double alpha) {
    public SimilarityMeasure {
        Objects.requireNonNull(similarity, "similarity");
        Checks.of("similarity").atLeast("shrink", shrink, 0).between("alpha", alpha, 0, 1).done();
    }

    public static SimilarityMeasure cosine(double shrink) {
        return new SimilarityMeasure(Similarity.COSINE, shrink, 0.5);
    }

    /** The similarity from a dot product and both squared norms (double precision; the reference formula). */
    public double score(double dot, double sqSource, double sqCandidate) {
        return dot / denominator(dot, sqSource, sqCandidate);
    }

    double denominator(double dot, double sqSource, double sqCandidate) {
        return switch (similarity) {
            case COSINE -> Math.sqrt(sqSource) * Math.sqrt(sqCandidate) + shrink;
            case JACCARD -> sqSource + sqCandidate - dot + shrink;
            case ASYMMETRIC -> Math.pow(sqSource, alpha) * Math.pow(sqCandidate, 1 - alpha) + shrink;
        };
    }

    /** Per-vector factor of the source side of the denominator (cosine and asymmetric factorize). */
    double sourceFactor(double sq) {
        return switch (similarity) {
            case COSINE -> Math.sqrt(sq);
            case ASYMMETRIC -> Math.pow(sq, alpha);
            case JACCARD -> sq;
        };
    }

    /** Per-vector factor of the candidate side of the denominator. */
    double candidateFactor(double sq) {
        return switch (similarity) {
            case COSINE -> Math.sqrt(sq);
            case ASYMMETRIC -> Math.pow(sq, 1 - alpha);
            case JACCARD -> sq;
        };
    }

    /** The denominator from precomputed factors: two multiplications instead of two pow calls per pair. */
    double denominatorFromFactors(double dot, double sourceFactor, double candidateFactor) {
        return similarity == Similarity.JACCARD
                ? sourceFactor + candidateFactor - dot + shrink
                : sourceFactor * candidateFactor + shrink;
    }
}
