// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.userknn;

import static dev.tailor.algorithms.testing.TestData.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.testing.TestData;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.UserContext;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class UserKnnTest {
    /**
     * u0: 0 1 2, u1: 0 1, u2: 1 2, u3: 2 3. Squared norms 3, 2, 2, 2; cosine(u1,u0) = 2/sqrt(6),
     * cosine(u1,u2) = 1/2, cosine(u1,u3) = 0.
     */
    static final Snapshot TINY = TestData.snapshot(4, new int[][] {{0, 1, 2}, {0, 1}, {1, 2}, {2, 3}});

    private static UserKnnModel train(String spec) {
        return (UserKnnModel) Algorithms.parse(spec).train(TINY);
    }

    @Test
    void knownUserScoresBySimilarityWeightedNeighbourItems() {
        UserKnnModel m = train("user-knn:k=2,shrink=0");
        assertThat(m.neighbours().neighboursOf(1)).containsExactly(0, 2);
        float[] s = scores(m, UserContext.of(1, new int[] {0, 1}));
        double toU0 = 2 / Math.sqrt(6);
        assertThat(s[0]).isCloseTo((float) toU0, within(1e-6f));
        assertThat(s[1]).isCloseTo((float) (toU0 + 0.5), within(1e-6f));
        assertThat(s[2]).isCloseTo((float) (toU0 + 0.5), within(1e-6f));
        assertThat(s[3]).isNegative(); // neither neighbour has item 3: fallback
    }

    @Test
    void shrinkageEntersTheSimilarity() {
        UserKnnModel m = train("user-knn:k=1,shrink=1");
        float[] s = scores(m, UserContext.of(1, new int[] {0, 1}));
        assertThat(s[0]).isCloseTo((float) (2 / (Math.sqrt(6) + 1)), within(1e-6f));
    }

    @Test
    void unknownUserGetsNeighboursFromTheContext() {
        UserKnnModel m = train("user-knn:k=2,shrink=0");
        // A visitor with u1's history is most similar to u1 itself (1.0), then to u0 (2/sqrt(6)).
        int[] idx = new int[2];
        float[] sim = new float[2];
        int n = m.neighboursOf(UserContext.of(-1, new int[] {1, 0, 0}), idx, sim);
        assertThat(n).isEqualTo(2);
        assertThat(idx).containsExactly(1, 0);
        // Item 0 appears twice: weight 2 on i0, 1 on i1: cosine with u1 = 3 / (sqrt(5) sqrt(2)).
        assertThat(sim[0]).isCloseTo((float) (3 / (Math.sqrt(5) * Math.sqrt(2))), within(1e-6f));
        float[] s = scores(m, UserContext.of(-1, new int[] {0, 1}));
        assertThat(s[1]).isCloseTo((float) (1 + 2 / Math.sqrt(6)), within(1e-6f));
    }

    @Test
    void foldInUsesTheLiveContextForKnownUsers() {
        UserKnnModel m = train("user-knn:k=1,shrink=0,fold-in=true");
        // u1 trained on {0, 1} but now looks at {2, 3} only: its neighbour becomes u3, not u0.
        float[] s = scores(m, UserContext.of(1, new int[] {2, 3}));
        assertThat(s[3]).isCloseTo(1f, within(1e-6f));
        assertThat(s[0]).isNegative();
    }

    @Test
    void visitorWithNoHistorySeesPopularItems() {
        UserKnnModel m = train("user-knn");
        float[] s = scores(m, UserContext.anonymous());
        assertThat(s[1]).isGreaterThan(s[0]).isGreaterThan(s[3]);
    }

    /** On-the-fly neighbours of a training user's own history equal the precomputed ones. */
    @Property(tries = 40)
    void contextNeighboursMatchTrainedNeighbours(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 60) int users, @ForAll @IntRange(min = 1, max = 40) int items,
            @ForAll @IntRange(min = 1, max = 12) int k) {
        int[][] rows = TestData.randomRows(new SplittableRandom(seed), users, items, 10);
        Snapshot s = TestData.snapshot(items, rows);
        // Random rows can all be empty; training refuses an empty snapshot by design (tested elsewhere).
        net.jqwik.api.Assume.that(s.interactions().size() > 0);
        for (String weighting : new String[] {"none", "bm25"}) {
            UserKnnModel m = (UserKnnModel) Algorithms.parse("user-knn:shrink=1,weighting=" + weighting + ",k=" + k)
                    .train(s);
            int[] idx = new int[k];
            float[] sim = new float[k];
            for (int u = 0; u < users; u++) {
                int n = m.neighboursOf(TestData.contextOf(s, u), idx, sim);
                assertThat(n).isEqualTo(m.neighbours().count(u));
                float[] trained = m.neighbours().similaritiesOf(u);
                for (int j = 0; j < n; j++) {
                    assertThat(sim[j]).isCloseTo(trained[j], within(1e-5f));
                }
            }
        }
    }

    @Test
    void rejectsBadConfigs() {
        assertThatThrownBy(() -> Algorithms.parse("user-knn:k=-3")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'k'");
        assertThatThrownBy(() -> Algorithms.parse("user-knn:shrink=-0.5")).hasMessageContaining("'shrink'");
        assertThatThrownBy(() -> Algorithms.parse("user-knn:fold-in=maybe"))
                .hasMessageContaining("'fold-in'").hasMessageContaining("true or false");
    }

    @Test
    void refusesASnapshotWithoutInteractions() {
        Snapshot empty = TestData.snapshot(2, new int[][] {{}});
        assertThatThrownBy(() -> Algorithms.parse("user-knn").train(empty))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no interactions");
    }
}
