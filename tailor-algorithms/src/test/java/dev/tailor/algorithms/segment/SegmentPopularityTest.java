// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.segment;

import static dev.tailor.algorithms.testing.TestData.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.testing.TestData;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.UserContext;
import org.junit.jupiter.api.Test;

class SegmentPopularityTest {
    /**
     * u0 (segment A): 0 1; u1 (A): 0; u2 (B): 2; u3 (none): 1. Distinct users per item: 2, 2, 1 of 5, so the
     * global shares are 0.4, 0.4, 0.2. Segment A counts {0: 2, 1: 1}, total 3; B counts {2: 1}, total 1.
     */
    static final Snapshot SHOP = TestData.snapshot(3, new int[][] {{0, 1}, {0}, {2}, {1}},
            new String[][] {{"A"}, {"A"}, {"B"}, null});
    private static final int A = SHOP.userFeatures().segments().indexOf("A");
    private static final int B = SHOP.userFeatures().segments().indexOf("B");

    private static float[] scoresFor(int... segments) {
        SegmentPopularityModel m = (SegmentPopularityModel) Algorithms.parse("segment-pop:prior=2").train(SHOP);
        return scores(m, new UserContext(-1, new int[0], new float[0], segments));
    }

    @Test
    void segmentSharesAreSmoothedTowardsGlobalShares() {
        // p_A(i) = (c_A(i) + 2 g(i)) / (3 + 2)
        assertThat(scoresFor(A)).containsExactly(new float[] {2.8f / 5, 1.8f / 5, 0.4f / 5}, within(1e-6f));
        // p_B(i) = (c_B(i) + 2 g(i)) / (1 + 2)
        assertThat(scoresFor(B)).containsExactly(new float[] {0.8f / 3, 0.8f / 3, 1.4f / 3}, within(1e-6f));
    }

    @Test
    void severalSegmentsAreAveraged() {
        float[] a = scoresFor(A);
        float[] b = scoresFor(B);
        float[] both = scoresFor(A, B, A);
        for (int i = 0; i < 3; i++) {
            assertThat(both[i]).isCloseTo((a[i] + b[i]) / 2, within(1e-6f));
        }
    }

    @Test
    void noOrUnknownSegmentFallsBackToGlobalShares() {
        assertThat(scoresFor()).containsExactly(new float[] {0.4f, 0.4f, 0.2f}, within(1e-6f));
        assertThat(scoresFor(42, -1)).containsExactly(new float[] {0.4f, 0.4f, 0.2f}, within(1e-6f));
    }

    @Test
    void zeroPriorTrustsTheSegmentAlone() {
        SegmentPopularityModel m = (SegmentPopularityModel) Algorithms.parse("segment-pop:prior=0").train(SHOP);
        assertThat(m.share(A, 0)).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(m.share(A, 2)).isZero();
    }

    @Test
    void segmentsComeFromTheContextNotTheTrainingProfile() {
        SegmentPopularityModel m = (SegmentPopularityModel) Algorithms.parse("segment-pop:prior=2").train(SHOP);
        // u2 is in B at training time, but the request says A: the request wins.
        assertThat(scores(m, new UserContext(2, new int[0], new float[0], new int[] {A})))
                .containsExactly(scoresFor(A));
    }
}
