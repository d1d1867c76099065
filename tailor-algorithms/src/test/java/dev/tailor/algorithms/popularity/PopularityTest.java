// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.popularity;

import static dev.tailor.algorithms.testing.TestData.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.testing.TestData;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.UserContext;
import org.junit.jupiter.api.Test;

class PopularityTest {
    /** u0 views i0 three times and buys i1; u1 views i1; u2 only sees an impression of i2. */
    static Snapshot shop() {
        SnapshotBuilder b = TestData.builder(3, 3, null);
        b.addEvent("u0", "i0", EventType.VIEW.ordinal(), 1, 1);
        b.addEvent("u0", "i0", EventType.VIEW.ordinal(), 1, 2);
        b.addEvent("u0", "i0", EventType.VIEW.ordinal(), 1, 3);
        b.addEvent("u0", "i1", EventType.PURCHASE.ordinal(), 1, 4);
        b.addEvent("u1", "i1", EventType.VIEW.ordinal(), 1, 5);
        b.addEvent("u2", "i2", EventType.IMPRESSION.ordinal(), 1, 6);
        return b.build();
    }

    @Test
    void countsDistinctUsersByDefault() {
        PopularityModel m = (PopularityModel) Algorithms.parse("pop").train(shop());
        assertThat(scores(m, UserContext.anonymous())).containsExactly(1f, 2f, 0f);
    }

    @Test
    void weightedCountSumsEventWeights() {
        PopularityModel m = (PopularityModel) Algorithms.parse("pop:count=weighted").train(shop());
        // i0: three views (1 each); i1: purchase 5 + view 1; the impression weighs 0.
        assertThat(scores(m, UserContext.anonymous())).containsExactly(3f, 6f, 0f);
    }

    @Test
    void customEventWeights() {
        PopularityModel m = (PopularityModel) Algorithms.parse("pop:count=weighted,events=purchase:1").train(shop());
        assertThat(scores(m, UserContext.anonymous())).containsExactly(0f, 1f, 0f);
    }

    @Test
    void sameListForEveryone() {
        PopularityModel m = (PopularityModel) Algorithms.parse("pop").train(shop());
        assertThat(scores(m, UserContext.of(0, new int[] {1}))).containsExactly(scores(m, UserContext.anonymous()));
    }

    @Test
    void refusesDataWithoutPositiveWeights() {
        assertThatThrownBy(() -> Algorithms.parse("pop:events=search:1").train(shop()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("positive weight");
        assertThatThrownBy(() -> Algorithms.parse("pop").train(TestData.snapshot(2, new int[][] {{}})))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no interactions");
    }
}
