// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.random;

import static dev.tailor.algorithms.testing.TestData.scores;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.testing.TestData;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomTest {
    static final Snapshot SHOP = TestData.snapshot(500, TestData.randomRows(new SplittableRandom(1), 20, 500, 5));

    private static RandomModel train(String spec) {
        return (RandomModel) Algorithms.parse(spec).train(SHOP);
    }

    @Test
    void sameSeedAndUserGiveTheSameScores() {
        RandomModel a = train("random:seed=5");
        RandomModel b = train("random:seed=5");
        assertThat(scores(a, UserContext.of(3, new int[0]))).containsExactly(scores(b, UserContext.of(3, new int[0])));
        // The history does not matter for a known user: "deterministic per user".
        assertThat(scores(a, UserContext.of(3, new int[] {1, 2}))).containsExactly(scores(a, UserContext.of(3, new int[0])));
    }

    @Test
    void usersAndSeedsGetDifferentOrders() {
        RandomModel a = train("random:seed=5");
        int[] u3 = TopK.select(scores(a, UserContext.of(3, new int[0])), 10, null);
        int[] u4 = TopK.select(scores(a, UserContext.of(4, new int[0])), 10, null);
        int[] otherSeed = TopK.select(scores(train("random:seed=6"), UserContext.of(3, new int[0])), 10, null);
        assertThat(u3).isNotEqualTo(u4).isNotEqualTo(otherSeed);
        int[] visitorA = TopK.select(scores(a, UserContext.of(-1, new int[] {1})), 10, null);
        int[] visitorB = TopK.select(scores(a, UserContext.of(-1, new int[] {2})), 10, null);
        assertThat(visitorA).isNotEqualTo(visitorB);
    }

    @Test
    void scoresAreSpreadOverTheUnitInterval() {
        float[] s = scores(train("random"), UserContext.of(0, new int[0]));
        double sum = 0;
        for (float v : s) {
            assertThat(v).isBetween(0f, 1f).isLessThan(1f);
            sum += v;
        }
        // Mean of 500 uniform draws: 0.5 with standard error 0.013.
        assertThat(sum / s.length).isBetween(0.44, 0.56);
        assertThat(train("random").provenance().seed()).isEqualTo(42);
    }
}
