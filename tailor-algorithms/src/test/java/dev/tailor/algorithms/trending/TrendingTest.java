// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.trending;

import static dev.tailor.algorithms.testing.TestData.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.testing.TestData;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.UserContext;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrendingTest {
    private static final long DAY = 86_400_000L;
    private static final long NOW = 1_700_000_000_000L;

    /** i0 viewed now; i1 bought one day earlier; i2 viewed two days and again ten days earlier. */
    static Snapshot shop() {
        SnapshotBuilder b = TestData.builder(3, 2, null);
        b.addEvent("u0", "i0", EventType.VIEW.ordinal(), 1, NOW);
        b.addEvent("u0", "i1", EventType.PURCHASE.ordinal(), 1, NOW - DAY);
        b.addEvent("u1", "i2", EventType.VIEW.ordinal(), 1, NOW - 2 * DAY);
        b.addEvent("u1", "i2", EventType.VIEW.ordinal(), 1, NOW - 10 * DAY);
        return b.build();
    }

    @Test
    void eachEventDecaysByHalfPerHalfLifeFromTheLatestEvent() {
        TrendingModel m = (TrendingModel) Algorithms.parse("trending:half-life=1d").train(shop());
        float[] s = scores(m, UserContext.anonymous());
        assertThat(s[0]).isCloseTo(1f, within(1e-6f));
        assertThat(s[1]).isCloseTo(5f / 2, within(1e-6f)); // purchase weight 5, one half-life old
        assertThat(s[2]).isCloseTo(0.25f + (float) Math.pow(2, -10), within(1e-6f));
        assertThat(m.referenceTime()).isEqualTo(Instant.ofEpochMilli(NOW));
    }

    @Test
    void longHalfLifeApproachesPlainWeightedPopularity() {
        TrendingModel m = (TrendingModel) Algorithms.parse("trending:half-life=100000d").train(shop());
        float[] s = scores(m, UserContext.anonymous());
        assertThat(s).containsExactly(new float[] {1f, 5f, 2f}, within(1e-3f));
    }

    @Test
    void halfLifeAcceptsUnitsAndIsoAndRejectsNonsense() {
        assertThat(Algorithms.parse("trending:half-life=36h").spec()).contains("half-life=36h");
        assertThat(Algorithms.parse("trending:half-life=P2D").spec()).contains("half-life=2d");
        assertThat(Algorithms.parse("trending:half-life=90m").spec()).contains("half-life=90m");
        assertThatThrownBy(() -> Algorithms.parse("trending:half-life=soon"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'half-life'")
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> Algorithms.parse("trending:half-life=0s")).hasMessageContaining("'half-life'");
    }
}
