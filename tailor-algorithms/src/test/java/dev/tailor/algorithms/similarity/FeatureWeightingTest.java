// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.core.data.CsrMatrix;
import org.junit.jupiter.api.Test;

/**
 * Four documents over three terms: d0 = {t0: 1, t1: 2}, d1 = {t1: 1}, d2 = {t2: 1}, d3 = {t2: 3}. Document
 * frequencies 1, 2, 2, so idf = ln(4/2), ln(4/3), ln(4/3); row sums 3, 1, 1, 3, average 2.
 */
class FeatureWeightingTest {
    private static final CsrMatrix DOCS = new CsrMatrix(4, 3, new int[] {0, 2, 3, 4, 5},
            new int[] {0, 1, 1, 2, 2}, new float[] {1, 2, 1, 1, 3});

    @Test
    void tfidfDividesByRowSumAndMultipliesByIdf() {
        CsrMatrix w = FeatureWeighting.fit(DOCS, Weighting.TFIDF, 0, 0).apply(DOCS);
        assertThat(w.get(0, 0)).isCloseTo((float) (1.0 / 3 * Math.log(2)), within(1e-6f));
        assertThat(w.get(0, 1)).isCloseTo((float) (2.0 / 3 * Math.log(4.0 / 3)), within(1e-6f));
        assertThat(w.get(3, 2)).isCloseTo((float) (1.0 * Math.log(4.0 / 3)), within(1e-6f));
    }

    @Test
    void bm25SaturatesTermCountsAndNormalizesLength() {
        double k1 = 1.2;
        double b = 0.75;
        CsrMatrix w = FeatureWeighting.fit(DOCS, Weighting.BM25, k1, b).apply(DOCS);
        double norm0 = (1 - b) + b * 3 / 2.0;
        assertThat(w.get(0, 0)).isCloseTo((float) (1 * (k1 + 1) / (k1 * norm0 + 1) * Math.log(2)), within(1e-6f));
        assertThat(w.get(0, 1)).isCloseTo((float) (2 * (k1 + 1) / (k1 * norm0 + 2) * Math.log(4.0 / 3)),
                within(1e-6f));
        double norm1 = (1 - b) + b * 1 / 2.0;
        assertThat(w.get(1, 1)).isCloseTo((float) (1 * (k1 + 1) / (k1 * norm1 + 1) * Math.log(4.0 / 3)),
                within(1e-6f));
    }

    @Test
    void idfNeverGoesNegative() {
        // One term in both of two documents: ln(2 / 3) < 0 is clamped to 0.
        CsrMatrix m = new CsrMatrix(2, 1, new int[] {0, 1, 2}, new int[] {0, 0}, new float[] {1, 1});
        assertThat(FeatureWeighting.fit(m, Weighting.TFIDF, 0, 0).idf()).containsExactly(0f);
    }

    @Test
    void noneLeavesTheMatrixAlone() {
        assertThat(FeatureWeighting.fit(DOCS, Weighting.NONE, 1.2, 0.75).apply(DOCS)).isSameAs(DOCS);
    }

    @Test
    void aSingleRowIsWeightedLikeTheMatrixRows() {
        FeatureWeighting f = FeatureWeighting.fit(DOCS, Weighting.BM25, 1.2, 0.75);
        CsrMatrix w = f.apply(DOCS);
        int[] terms = {0, 1};
        float[] values = {1, 2};
        f.applyToRow(terms, values, 0, 2);
        assertThat(values[0]).isEqualTo(w.get(0, 0));
        assertThat(values[1]).isEqualTo(w.get(0, 1));
    }
}
