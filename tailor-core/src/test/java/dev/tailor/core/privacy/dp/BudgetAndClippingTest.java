// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.core.error.TailorException;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BudgetAndClippingTest {

    @org.junit.jupiter.api.Test
    void sequentialCompositionAddsUpAndRefusesOverspending() {
        PrivacyBudget b = new PrivacyBudget(1.0, 1e-5);
        b.spend("popularity day 1", PrivacyCost.pure(0.4));
        b.spend("trending day 1", new PrivacyCost(0.3, 5e-6));
        assertThat(b.spentEpsilon()).isCloseTo(0.7, within(1e-12));
        assertThat(b.spentDelta()).isEqualTo(5e-6);
        assertThatThrownBy(() -> b.spend("popularity day 2", PrivacyCost.pure(0.4)))
                .isInstanceOf(TailorException.class).hasMessageContaining("privacy budget exhausted")
                .hasMessageContaining("popularity day 2");
        assertThat(b.ledger()).hasSize(2);
        assertThatThrownBy(() -> b.spend("too much delta", new PrivacyCost(0.1, 6e-6)))
                .hasMessageContaining("δ");
        b.spend("the rest", new PrivacyCost(0.3, 5e-6));
        assertThat(b.ledger()).extracting(PrivacyBudget.Entry::label)
                .containsExactly("popularity day 1", "trending day 1", "the rest");
    }

    @org.junit.jupiter.api.Test
    void aRefusedReleasePublishesNothing() {
        PrivacyBudget b = new PrivacyBudget(0.5, 0);
        assertThatThrownBy(() -> b.release("gaussian under a pure budget", GaussianMechanism.of(0.1, 1e-6, 1),
                new double[] {1, 2}, new SplittableRandom(1))).hasMessageContaining("budget exhausted");
        assertThat(b.spentEpsilon()).isZero();
        assertThat(b.release("laplace", new LaplaceMechanism(0.5, 1), new double[] {1, 2}, new SplittableRandom(1)))
                .hasSize(2);
        assertThatThrownBy(() -> new PrivacyBudget(0, 0)).hasMessageContaining("epsilon");
    }

    @org.junit.jupiter.api.Test
    void clippingByHand() {
        // Customer 0: item 0 three times (weight 1 each), item 1 once; customer 1: item 2 with weight 5.
        int[] ptr = {0, 4, 5};
        int[] items = {0, 0, 1, 0, 2};
        float[] w = {1, 1, 1, 1, 5};
        ContributionBound bound = new ContributionBound(2, 2);
        assertThat(bound.l1Sensitivity()).isEqualTo(4.0);
        assertThat(bound.l2Sensitivity()).isCloseTo(2 * Math.sqrt(2), within(1e-12));
        assertThat(bound.clippedCounts(ptr, items, w, 3, new SplittableRandom(1))).containsExactly(2, 1, 2);
        // One item per customer: customer 0 keeps item 0 or item 1 at random.
        double[] one = new ContributionBound(1, 10).clippedCounts(ptr, items, w, 3, new SplittableRandom(1));
        assertThat(one[0] + one[1]).isIn(3.0, 1.0);
        assertThat(one[2]).isEqualTo(5.0);
        assertThatThrownBy(() -> new ContributionBound(0, 1)).hasMessageContaining("max-items");
        assertThatThrownBy(() -> new ContributionBound(1, 0)).hasMessageContaining("max-per-item");
    }

    @Property(tries = 200)
    void eachCustomerMovesTheHistogramByAtMostTheSensitivity(@ForAll @IntRange(min = 1, max = 6) int maxItems,
            @ForAll @IntRange(min = 1, max = 3) int maxPerItem, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int numItems = 8;
        int len = r.nextInt(30);
        int[] items = new int[len];
        float[] w = new float[len];
        for (int k = 0; k < len; k++) {
            items[k] = r.nextInt(numItems);
            w[k] = 1 + r.nextInt(3);
        }
        ContributionBound bound = new ContributionBound(maxItems, maxPerItem);
        double[] c = bound.clippedCounts(new int[] {0, len}, items, w, numItems, new SplittableRandom(seed));
        double l1 = 0;
        double l2 = 0;
        int nonZero = 0;
        double[] raw = new double[numItems];
        for (int k = 0; k < len; k++) {
            raw[items[k]] += w[k];
        }
        for (int i = 0; i < numItems; i++) {
            l1 += c[i];
            l2 += c[i] * c[i];
            nonZero += c[i] > 0 ? 1 : 0;
            // Clipping only ever lowers a count, to the cap or to zero (item dropped).
            assertThat(c[i]).isIn(0.0, Math.min(raw[i], maxPerItem));
        }
        assertThat(l1).isLessThanOrEqualTo(bound.l1Sensitivity() + 1e-9);
        assertThat(Math.sqrt(l2)).isLessThanOrEqualTo(bound.l2Sensitivity() + 1e-9);
        int distinct = 0;
        for (double v : raw) {
            distinct += v > 0 ? 1 : 0;
        }
        assertThat(nonZero).isEqualTo(Math.min(distinct, maxItems));
    }
}
