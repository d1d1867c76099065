// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class BeyondAccuracyTest {
    // Training users per item: 4 items, 8 user-item pairs in all.
    private final BeyondAccuracy stats = new BeyondAccuracy(new int[] {4, 2, 2, 0}, new int[] {0, 0, 1, -1});

    @Test
    void noveltyIsMeanSelfInformation() {
        // p = 4/8, 2/8, 2/8, and item 3 unseen counts as 1/8: -log2 = 1, 2, 2, 3.
        assertThat(stats.novelty(new int[] {0, 1}, 0, 2, 2)).isCloseTo(1.5, within(1e-12));
        assertThat(stats.novelty(new int[] {2, 3}, 0, 2, 2)).isCloseTo(2.5, within(1e-12));
        // Cut at K = 1: only the first item.
        assertThat(stats.novelty(new int[] {3, 0}, 0, 2, 1)).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void popularityIsMeanTrainingUsers() {
        // (4 + 2 + 0) / 3 = 2
        assertThat(stats.popularity(new int[] {0, 2, 3}, 0, 3, 3)).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void diversitySkipsUncategorizedItems() {
        // Items 0, 1 (category 0), 2 (category 1), 3 (none): pairs (0,1) same, (0,2) differ, (1,2) differ;
        // pairs with item 3 are skipped -> 2/3.
        assertThat(stats.diversity(new int[] {0, 1, 2, 3}, 0, 4, 4)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(stats.diversity(new int[] {0, 3}, 0, 2, 2)).isNaN();
    }

    @Test
    void coverageAndGiniByHand() {
        BitSet rankable = new BitSet();
        rankable.set(0, 4);
        // Exposures 3, 1, 0, 0 over 4 rankable items: coverage 2/4.
        int[] counts = {3, 1, 0, 0};
        assertThat(Exposure.coverage(counts, rankable)).isEqualTo(0.5);
        // Sorted 0, 0, 1, 3; n = 4, total 4: sum (2j - n - 1) c_j = (-3)0 + (-1)0 + (1)1 + (3)3 = 10;
        // G = 10 / (4 * 4) = 0.625.
        assertThat(Exposure.gini(counts, rankable)).isCloseTo(0.625, within(1e-12));
        assertThat(Exposure.gini(new int[] {2, 2, 2, 2}, rankable)).isCloseTo(0, within(1e-12));
        // An item outside the rankable set does not count.
        rankable.clear(3);
        assertThat(Exposure.coverage(counts, rankable)).isCloseTo(2.0 / 3, within(1e-12));
    }
}
