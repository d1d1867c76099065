// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.graph;

import static dev.tailor.algorithms.testing.TestData.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.ModelIO;
import dev.tailor.algorithms.similarity.Neighbours;
import dev.tailor.algorithms.testing.TestData;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.UserContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class Rp3TrainerTest {
    /**
     * u0: i0 i1, u1: i1 i2, all weights 1. P(u -> j): u0 -> i0, i1 = 1/2 each; u1 -> i1, i2 = 1/2 each.
     * P(i -> u): i0 -> u0 = 1; i1 -> u0, u1 = 1/2 each; i2 -> u1 = 1. Popularity: i0 1, i1 2, i2 1.
     * With alpha 1 and beta 0: W[0][1] = 1 * 1/2 = 1/2, W[1][0] = W[1][2] = 1/2 * 1/2 = 1/4, W[2][1] = 1/2,
     * W[0][2] = W[2][0] = 0 (no user links them).
     */
    private static final CsrMatrix CHAIN = new CsrMatrix(2, 3, new int[] {0, 2, 4}, new int[] {0, 1, 1, 2},
            new float[] {1, 1, 1, 1});

    private static float weight(Neighbours n, int from, int to) {
        for (int p = n.start(from); p < n.end(from); p++) {
            if (n.neighbour(p) == to) {
                return n.similarity(p);
            }
        }
        return 0f;
    }

    @Test
    void plainWalkByHand() {
        Neighbours n = Rp3Trainer.similarities(CHAIN, 1, 0, 10, 1);
        assertThat(weight(n, 0, 1)).isCloseTo(0.5f, within(1e-7f));
        assertThat(weight(n, 1, 0)).isCloseTo(0.25f, within(1e-7f));
        assertThat(weight(n, 1, 2)).isCloseTo(0.25f, within(1e-7f));
        assertThat(weight(n, 2, 1)).isCloseTo(0.5f, within(1e-7f));
        assertThat(n.count(0)).isEqualTo(1);
        assertThat(n.count(2)).isEqualTo(1);
        // Ties keep the smaller index first.
        assertThat(n.neighboursOf(1)).containsExactly(0, 2);
    }

    @Test
    void popularityPenaltyAndSharpeningByHand() {
        // beta 1 divides by the target's popularity: only i1 (2 users) is penalized.
        Neighbours penalized = Rp3Trainer.similarities(CHAIN, 1, 1, 10, 1);
        assertThat(weight(penalized, 0, 1)).isCloseTo(0.25f, within(1e-7f));
        assertThat(weight(penalized, 1, 0)).isCloseTo(0.25f, within(1e-7f));
        assertThat(weight(penalized, 2, 1)).isCloseTo(0.25f, within(1e-7f));
        // beta 0.5: 1/2 / sqrt(2).
        assertThat(weight(Rp3Trainer.similarities(CHAIN, 1, 0.5, 10, 1), 0, 1))
                .isCloseTo((float) (0.5 / Math.sqrt(2)), within(1e-7f));
        // alpha 2 squares each step: W[0][1] = 1^2 * (1/2)^2, W[1][0] = (1/2)^2 * (1/2)^2.
        Neighbours sharp = Rp3Trainer.similarities(CHAIN, 2, 0, 10, 1);
        assertThat(weight(sharp, 0, 1)).isCloseTo(0.25f, within(1e-7f));
        assertThat(weight(sharp, 1, 0)).isCloseTo(0.0625f, within(1e-7f));
    }

    @Test
    void eventWeightsSteerTheWalk() {
        // u0 weighs i1 three times as much as i0: P(u0 -> i1) = 3/4, so W[0][1] = 1 * 3/4.
        CsrMatrix weighted = new CsrMatrix(2, 3, new int[] {0, 2, 4}, new int[] {0, 1, 1, 2},
                new float[] {1, 3, 1, 1});
        Neighbours n = Rp3Trainer.similarities(weighted, 1, 0, 10, 1);
        assertThat(weight(n, 0, 1)).isCloseTo(0.75f, within(1e-7f));
        // P(i1 -> u0) = 3/4, P(u0 -> i0) = 1/4: W[1][0] = 3/16.
        assertThat(weight(n, 1, 0)).isCloseTo(3f / 16, within(1e-7f));
    }

    @Test
    void scoresTheDecayedHistoryThroughTheWeights() {
        Snapshot s = TestData.snapshot(3, new int[][] {{0, 1}, {1, 2}});
        Rp3Model m = (Rp3Model) Algorithms.parse("rp3beta:alpha=1,beta=0,recency=0.5").train(s);
        // History i0 then i2 (latest): score(i1) = 0.5 * W[0][1] + 1 * W[2][1] = 0.25 + 0.5.
        float[] out = scores(m, new UserContext(-1, new int[] {0, 2}, new float[] {1f, 1f}, new int[0]));
        assertThat(out[1]).isCloseTo(0.75f, within(1e-6f));
        // Nothing leads from i0 or i2 to themselves or to each other: fallback scores, below the evidence.
        assertThat(out[0]).isNegative();
        assertThat(out[2]).isNegative();
    }

    @Test
    void savesAndLoads() {
        Snapshot s = TestData.snapshot(20, TestData.randomRows(new SplittableRandom(3), 40, 20, 6));
        Rp3Model m = (Rp3Model) Algorithms.parse("rp3beta:k=5,alpha=0.8,beta=0.3,recency=0.7,normalize=true")
                .train(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelIO.standard().write(m, out);
        SavableModel back = ModelIO.standard().read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back).isInstanceOf(Rp3Model.class);
        assertThat(back.provenance()).isEqualTo(m.provenance());
        for (int u = 0; u < 40; u++) {
            UserContext c = TestData.contextOf(s, u);
            assertThat(scores(back, c)).containsExactly(scores(m, c));
        }
    }

    @Test
    void badInputIsRefusedClearly() {
        assertThatThrownBy(() -> Algorithms.parse("rp3beta:k=0")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("k");
        assertThatThrownBy(() -> Algorithms.parse("rp3beta:beta=1.5")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("beta");
        Snapshot empty = TestData.snapshot(3, new int[][] {{}, {}});
        assertThatThrownBy(() -> Algorithms.parse("rp3beta").train(empty)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("no interactions");
    }

    @Test
    void resultDoesNotDependOnThreads() {
        CsrMatrix m = random(new SplittableRandom(11), 300, 120, 0.05);
        Neighbours one = Rp3Trainer.similarities(m, 0.7, 0.4, 15, 1);
        Neighbours two = Rp3Trainer.similarities(m, 0.7, 0.4, 15, 2);
        for (int i = 0; i < 120; i++) {
            assertThat(two.neighboursOf(i)).containsExactly(one.neighboursOf(i));
            assertThat(two.similaritiesOf(i)).containsExactly(one.similaritiesOf(i));
        }
    }

    /** The fast path against the walk computed on dense matrices in double precision, then cut to the top k. */
    @Property(tries = 200)
    void matchesDenseMatrixProduct(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int users,
            @ForAll @IntRange(min = 1, max = 25) int items, @ForAll @DoubleRange(min = 0.02, max = 0.6) double density,
            @ForAll @DoubleRange(min = 0.2, max = 2) double alpha, @ForAll @DoubleRange(min = 0, max = 1) double beta,
            @ForAll @IntRange(min = 1, max = 30) int k) {
        CsrMatrix m = random(new SplittableRandom(seed), users, items, density);
        double[][] oracle = bruteForce(m, alpha, beta);
        Neighbours fast = Rp3Trainer.similarities(m, alpha, beta, k, 2);
        for (int i = 0; i < items; i++) {
            int positive = 0;
            for (int j = 0; j < items; j++) {
                positive += oracle[i][j] > 1e-12 ? 1 : 0;
            }
            assertThat(fast.count(i)).isEqualTo(Math.min(k, positive));
            float last = Float.POSITIVE_INFINITY;
            boolean[] kept = new boolean[items];
            for (int p = fast.start(i); p < fast.end(i); p++) {
                int j = fast.neighbour(p);
                assertThat(j).isNotEqualTo(i);
                assertThat((double) fast.similarity(p)).isCloseTo(oracle[i][j], within(1e-5 * oracle[i][j] + 1e-9));
                assertThat(fast.similarity(p)).isLessThanOrEqualTo(last);
                last = fast.similarity(p);
                kept[j] = true;
            }
            // Top k: nothing left out beats the weakest kept weight.
            for (int j = 0; j < items; j++) {
                if (!kept[j] && fast.count(i) > 0) {
                    assertThat(oracle[i][j]).isLessThanOrEqualTo(last * (1 + 1e-5));
                }
            }
        }
    }

    private static double[][] bruteForce(CsrMatrix m, double alpha, double beta) {
        int users = m.rows();
        int items = m.cols();
        double[][] w = new double[users][items];
        for (int u = 0; u < users; u++) {
            for (int p = m.rowStart(u); p < m.rowEnd(u); p++) {
                w[u][m.col(p)] = m.value(p);
            }
        }
        double[] userSum = new double[users];
        double[] itemSum = new double[items];
        int[] pop = new int[items];
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                userSum[u] += w[u][i];
                itemSum[i] += w[u][i];
                pop[i] += w[u][i] > 0 ? 1 : 0;
            }
        }
        double[][] out = new double[items][items];
        for (int i = 0; i < items; i++) {
            for (int j = 0; j < items; j++) {
                if (i == j || pop[j] == 0) {
                    continue;
                }
                double s = 0;
                for (int u = 0; u < users; u++) {
                    if (w[u][i] > 0 && w[u][j] > 0) {
                        s += Math.pow(w[u][i] / itemSum[i], alpha) * Math.pow(w[u][j] / userSum[u], alpha);
                    }
                }
                out[i][j] = s / Math.pow(pop[j], beta);
            }
        }
        return out;
    }

    /** A random users x items matrix with weights in {1, 2, 5} (views, carts, purchases). */
    private static CsrMatrix random(SplittableRandom r, int users, int items, double density) {
        int[] ptr = new int[users + 1];
        List<Integer> cols = new ArrayList<>();
        List<Float> vals = new ArrayList<>();
        float[] levels = {1, 2, 5};
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (r.nextDouble() < density) {
                    cols.add(i);
                    vals.add(levels[r.nextInt(levels.length)]);
                }
            }
            ptr[u + 1] = cols.size();
        }
        int[] c = new int[cols.size()];
        float[] v = new float[cols.size()];
        for (int n = 0; n < c.length; n++) {
            c[n] = cols.get(n);
            v[n] = vals.get(n);
        }
        return new CsrMatrix(users, items, ptr, c, v);
    }
}
