// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.core.data.CsrMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NeighbourSearchTest {
    /**
     * Items as vectors over users: i0 = {u0, u1}, i1 = {u0, u1, u2}, i2 = {u0, u2, u3}, i3 = {u3}. Dot products
     * (0,1) = 2, (0,2) = 1, (1,2) = 2, (2,3) = 1, others 0; squared norms 2, 3, 3, 1.
     */
    static final CsrMatrix ITEMS = new CsrMatrix(4, 4, new int[] {0, 2, 5, 8, 9},
            new int[] {0, 1, 0, 1, 2, 0, 2, 3, 3}, new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1});

    @Test
    void cosineNeighboursByHand() {
        Neighbours n = NeighbourSearch.topK(ITEMS, SimilarityMeasure.cosine(0), 10, 1);
        assertThat(n.neighboursOf(0)).containsExactly(1, 2);
        assertThat(n.similaritiesOf(0)[0]).isCloseTo((float) (2 / Math.sqrt(6)), within(1e-6f));
        assertThat(n.similaritiesOf(0)[1]).isCloseTo((float) (1 / Math.sqrt(6)), within(1e-6f));
        // i2: sim to i1 = 2/3, to i3 = 1/sqrt(3) = 0.577, to i0 = 0.408: best first.
        assertThat(n.neighboursOf(2)).containsExactly(1, 3, 0);
        assertThat(n.similaritiesOf(2)[0]).isCloseTo(2f / 3f, within(1e-6f));
        assertThat(n.neighboursOf(3)).containsExactly(2);
    }

    @Test
    void kKeepsOnlyTheBest() {
        Neighbours n = NeighbourSearch.topK(ITEMS, SimilarityMeasure.cosine(0), 1, 1);
        assertThat(n.neighboursOf(2)).containsExactly(1);
        assertThat(n.size()).isEqualTo(4);
    }

    @Test
    void shrinkDampsEverySimilarity() {
        Neighbours n = NeighbourSearch.topK(ITEMS, SimilarityMeasure.cosine(1), 10, 1);
        assertThat(n.similaritiesOf(0)[0]).isCloseTo((float) (2 / (Math.sqrt(6) + 1)), within(1e-6f));
    }

    @Test
    void jaccardByHand() {
        Neighbours n = NeighbourSearch.topK(ITEMS, new SimilarityMeasure(Similarity.JACCARD, 0, 0.5), 10, 1);
        // i1: to i0 = 2/3, to i2 = 2/4.
        assertThat(n.neighboursOf(1)).containsExactly(0, 2);
        assertThat(n.similaritiesOf(1)).containsExactly(new float[] {2f / 3f, 0.5f}, within(1e-6f));
    }

    @Test
    void asymmetricCosineIsDirectional() {
        SimilarityMeasure m = new SimilarityMeasure(Similarity.ASYMMETRIC, 0.5, 0.8);
        Neighbours n = NeighbourSearch.topK(ITEMS, m, 10, 1);
        // sim(i0 -> i1) = 2 / (2^0.8 * 3^0.2 + 0.5) and sim(i1 -> i0) = 2 / (3^0.8 * 2^0.2 + 0.5) differ.
        assertThat(n.similaritiesOf(0)[0]).isCloseTo((float) (2 / (Math.pow(2, 0.8) * Math.pow(3, 0.2) + 0.5)),
                within(1e-6f));
        assertThat(n.neighboursOf(1)[0]).isEqualTo(0);
        assertThat(n.similaritiesOf(1)[0]).isCloseTo((float) (2 / (Math.pow(3, 0.8) * Math.pow(2, 0.2) + 0.5)),
                within(1e-6f));
    }

    @Test
    void exponentAndRowNormalizationKeepTheOrder() {
        Neighbours n = NeighbourSearch.topK(ITEMS, SimilarityMeasure.cosine(0), 10, 1).transformed(2, true);
        // i0: squared sims 4/6 and 1/6, normalized: 0.8 and 0.2.
        assertThat(n.neighboursOf(0)).containsExactly(1, 2);
        assertThat(n.similaritiesOf(0)).containsExactly(new float[] {0.8f, 0.2f}, within(1e-6f));
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        CsrMatrix m = randomMatrix(new SplittableRandom(7), 700, 300, 0.03, true);
        SimilarityMeasure measure = new SimilarityMeasure(Similarity.ASYMMETRIC, 2, 0.3);
        Neighbours one = NeighbourSearch.topK(m, measure, 25, 1);
        Neighbours four = NeighbourSearch.topK(m, measure, 25, 4);
        for (int r = 0; r < m.rows(); r++) {
            assertThat(four.neighboursOf(r)).isEqualTo(one.neighboursOf(r));
            assertThat(four.similaritiesOf(r)).isEqualTo(one.similaritiesOf(r));
        }
    }

    /** The fast path agrees with the dense double loop, neighbour lists equal up to ties. */
    @Property(tries = 300)
    void matchesBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int rows,
            @ForAll @IntRange(min = 1, max = 30) int features, @ForAll @DoubleRange(min = 0, max = 0.6) double density,
            @ForAll boolean weighted, @ForAll Similarity similarity, @ForAll("shrinks") double shrink,
            @ForAll @DoubleRange(min = 0, max = 1) double alpha, @ForAll @IntRange(min = 1, max = 45) int k,
            @ForAll @IntRange(min = 1, max = 3) int threads) {
        CsrMatrix m = randomMatrix(new SplittableRandom(seed), rows, features, density, weighted);
        SimilarityMeasure measure = new SimilarityMeasure(similarity, shrink, alpha);
        Neighbours fast = NeighbourSearch.topK(m, measure, k, threads);
        double[][] oracle = BruteForceNeighbours.similarities(m, measure);
        for (int i = 0; i < rows; i++) {
            List<double[]> expected = new ArrayList<>();
            for (int j = 0; j < rows; j++) {
                if (oracle[i][j] > 0) {
                    expected.add(new double[] {j, oracle[i][j]});
                }
            }
            expected.sort(Comparator.<double[]>comparingDouble(e -> -e[1]).thenComparingDouble(e -> e[0]));
            int[] got = fast.neighboursOf(i);
            float[] gotSim = fast.similaritiesOf(i);
            assertThat(got).hasSize(Math.min(k, expected.size()));
            for (int p = 0; p < got.length; p++) {
                double tol = 1e-5 * Math.max(1, Math.abs(expected.get(p)[1]));
                // The p-th best similarity is the same; the item holding it may differ only within a tie.
                assertThat((double) gotSim[p]).isCloseTo(expected.get(p)[1], within(tol));
                assertThat((double) gotSim[p]).isCloseTo(oracle[i][got[p]], within(tol));
                assertThat(got[p]).isNotEqualTo(i);
            }
            assertThat(Arrays.stream(got).distinct().count()).isEqualTo(got.length);
        }
    }

    @Provide
    Arbitrary<Double> shrinks() {
        return Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.doubles().between(0, 20));
    }

    /** Rows x features with about {@code density} of the entries set, 1 or a random weight in (0, 5]. */
    static CsrMatrix randomMatrix(SplittableRandom random, int rows, int features, double density,
            boolean weighted) {
        int[] ptr = new int[rows + 1];
        int[] idx = new int[rows * features];
        float[] val = new float[rows * features];
        int nnz = 0;
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                if (random.nextDouble() < density) {
                    idx[nnz] = f;
                    val[nnz] = weighted ? (float) (5 * (1 - random.nextDouble())) : 1f;
                    nnz++;
                }
            }
            ptr[r + 1] = nnz;
        }
        return new CsrMatrix(rows, features, ptr, Arrays.copyOf(idx, nnz), Arrays.copyOf(val, nnz));
    }
}
