// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.core.error.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed values for two 0/1 vectors: a = {u0, u1} and b = {u0, u1, u2}, so dot = 2, |a|² = 2, |b|² = 3.
 */
class SimilarityMeasureTest {
    private static final double DOT = 2;
    private static final double SQ_A = 2;
    private static final double SQ_B = 3;

    @Test
    void cosineIsDotOverNormProductPlusShrink() {
        assertThat(SimilarityMeasure.cosine(0).score(DOT, SQ_A, SQ_B)).isCloseTo(2 / Math.sqrt(6), within(1e-12));
        assertThat(SimilarityMeasure.cosine(1).score(DOT, SQ_A, SQ_B))
                .isCloseTo(2 / (Math.sqrt(6) + 1), within(1e-12));
    }

    @Test
    void jaccardIsIntersectionOverUnionOnBinaryVectors() {
        // |A ∩ B| = 2, |A ∪ B| = 3.
        assertThat(new SimilarityMeasure(Similarity.JACCARD, 0, 0.5).score(DOT, SQ_A, SQ_B))
                .isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(new SimilarityMeasure(Similarity.JACCARD, 2, 0.5).score(DOT, SQ_A, SQ_B))
                .isCloseTo(2.0 / 5.0, within(1e-12));
    }

    @Test
    void asymmetricCosineWeighsTheSourceNormByAlpha() {
        SimilarityMeasure m = new SimilarityMeasure(Similarity.ASYMMETRIC, 0, 0.8);
        assertThat(m.score(DOT, SQ_A, SQ_B)).isCloseTo(2 / (Math.pow(2, 0.8) * Math.pow(3, 0.2)), within(1e-12));
        assertThat(m.score(DOT, SQ_B, SQ_A)).isCloseTo(2 / (Math.pow(3, 0.8) * Math.pow(2, 0.2)), within(1e-12));
        // alpha = 1 on 0/1 data is the conditional probability P(b | a) = |A ∩ B| / |A|.
        assertThat(new SimilarityMeasure(Similarity.ASYMMETRIC, 0, 1).score(DOT, SQ_A, SQ_B))
                .isCloseTo(1.0, within(1e-12));
        // With shrink: 2 / (2^0.8 3^0.2 + 5).
        assertThat(new SimilarityMeasure(Similarity.ASYMMETRIC, 5, 0.8).score(DOT, SQ_A, SQ_B))
                .isCloseTo(2 / (Math.pow(2, 0.8) * Math.pow(3, 0.2) + 5), within(1e-12));
    }

    @Test
    void asymmetricWithHalfAlphaIsCosine() {
        assertThat(new SimilarityMeasure(Similarity.ASYMMETRIC, 3, 0.5).score(DOT, SQ_A, SQ_B))
                .isCloseTo(SimilarityMeasure.cosine(3).score(DOT, SQ_A, SQ_B), within(1e-12));
    }

    @Test
    void factorizedDenominatorMatchesTheFormula() {
        for (Similarity s : Similarity.values()) {
            SimilarityMeasure m = new SimilarityMeasure(s, 1.5, 0.3);
            double viaFactors = m.denominatorFromFactors(DOT, m.sourceFactor(SQ_A), m.candidateFactor(SQ_B));
            assertThat(viaFactors).as(s.name()).isCloseTo(m.denominator(DOT, SQ_A, SQ_B), within(1e-12));
        }
    }

    @Test
    void rejectsNegativeShrinkAndAlphaOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new SimilarityMeasure(Similarity.COSINE, -1, 0.5))
                .isInstanceOf(ValidationException.class).hasMessageContaining("shrink");
        assertThatThrownBy(() -> new SimilarityMeasure(Similarity.ASYMMETRIC, 0, 1.5))
                .isInstanceOf(ValidationException.class).hasMessageContaining("alpha");
    }
}
