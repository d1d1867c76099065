// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.similarity;

import dev.tailor.core.data.CsrMatrix;

/** The oracle: every pair's similarity from a dense double-precision double loop. */
final class BruteForceNeighbours {
    private BruteForceNeighbours() {
    }

    /** sim[i][j] for i != j (0 where the vectors share nothing), from dense copies of the rows. */
    static double[][] similarities(CsrMatrix m, SimilarityMeasure measure) {
        int n = m.rows();
        double[][] dense = new double[n][m.cols()];
        for (int i = 0; i < n; i++) {
            for (int p = m.rowStart(i); p < m.rowEnd(i); p++) {
                dense[i][m.col(p)] = m.value(p);
            }
        }
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            for (double v : dense[i]) {
                sq[i] += v * v;
            }
        }
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double dot = 0;
                for (int f = 0; f < m.cols(); f++) {
                    dot += dense[i][f] * dense[j][f];
                }
                sim[i][j] = dot > 0 ? measure.score(dot, sq[i], sq[j]) : 0;
            }
        }
        return sim;
    }
}
