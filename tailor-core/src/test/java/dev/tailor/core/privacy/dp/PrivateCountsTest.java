// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrivateCountsTest {

    private static Interactions shop() {
        SnapshotBuilder b = new SnapshotBuilder("s");
        int click = EventType.CLICK.ordinal();
        // Customer a clicks x three times and y once; b clicks x once; c clicks z once.
        b.addEvent("a", "x", click, 1, 1);
        b.addEvent("a", "x", click, 1, 2);
        b.addEvent("a", "x", click, 1, 3);
        b.addEvent("a", "y", click, 1, 4);
        b.addEvent("b", "x", click, 1, 5);
        b.addEvent("c", "z", click, 1, 6);
        return b.build().interactions();
    }

    @Test
    void nearlyNoiselessReleaseShowsTheClippedCounts() {
        PrivacyBudget budget = new PrivacyBudget(1e9, 0);
        long[] c = PrivateCounts.itemCounts(shop(), EventWeights.BINARY, new ContributionBound(2, 1),
                new LaplaceMechanism(1e9, 2), budget, "popularity", new SplittableRandom(1));
        // x: a (3 clicks capped at 1) + b = 2; y: 1; z: 1.
        assertThat(c).containsExactly(2, 1, 1);
        assertThat(budget.ledger()).extracting(PrivacyBudget.Entry::label).containsExactly("popularity");
    }

    @Test
    void releasesAreNonNegativeIntegersAndStopWhenTheBudgetIsSpent() {
        PrivacyBudget budget = new PrivacyBudget(1, 0);
        LaplaceMechanism m = LaplaceMechanism.forCounts(0.5, new ContributionBound(2, 1));
        for (int day = 1; day <= 2; day++) {
            long[] c = PrivateCounts.itemCounts(shop(), EventWeights.BINARY, new ContributionBound(2, 1), m, budget,
                    "day " + day, new SplittableRandom(day));
            assertThat(c).hasSize(3);
            assertThat(java.util.Arrays.stream(c).min().getAsLong()).isNotNegative();
        }
        assertThatThrownBy(() -> PrivateCounts.itemCounts(shop(), EventWeights.BINARY, new ContributionBound(2, 1), m,
                budget, "day 3", new SplittableRandom(3))).hasMessageContaining("budget exhausted");
    }
}
