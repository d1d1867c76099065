// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.domain.EventType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InteractionsTest {
    @Test
    void groupsByUserAndOrdersByTimeKeepingInputOrderOnTies() {
        int[] users = {1, 0, 1, 0, 1};
        int[] items = {10, 20, 11, 21, 12};
        long[] times = {300, 50, 100, 50, 300};
        byte[] types = new byte[5];
        float[] values = {1, 1, 1, 1, 1};
        Interactions in = Interactions.sorted(2, 30, 5, users, items, types, values, times);
        assertThat(in.sequence(0)).containsExactly(20, 21);
        // user 1: t=100 (item 11), then the two t=300 events in input order (10 before 12).
        assertThat(in.sequence(1)).containsExactly(11, 10, 12);
        assertThat(in.start(1)).isEqualTo(2);
    }

    @Test
    void matrixSumsWeightsPerPairAndDropsZeroWeightTypes() {
        // user 0: view item 1, purchase item 1, impression item 2; user 1: cart item 0.
        int[] users = {0, 0, 0, 1};
        int[] items = {1, 1, 2, 0};
        byte[] types = {(byte) EventType.VIEW.ordinal(), (byte) EventType.PURCHASE.ordinal(),
            (byte) EventType.IMPRESSION.ordinal(), (byte) EventType.ADD_TO_CART.ordinal()};
        float[] values = {1, 1, 1, 1};
        long[] times = {1, 2, 3, 4};
        CsrMatrix m = Interactions.sorted(2, 3, 4, users, items, types, values, times)
                .toMatrix(EventWeights.DEFAULT);
        assertThat(m.nnz()).isEqualTo(2);
        assertThat(m.get(0, 1)).isEqualTo(1f + 5f); // view 1 + purchase 5
        assertThat(m.get(0, 2)).isZero(); // impressions carry no preference
        assertThat(m.get(1, 0)).isEqualTo(3f);
        assertThat(m.transpose().get(1, 0)).isEqualTo(6f);
    }

    @Test
    void ratingsCanCountByValue() {
        EventWeights byStars = EventWeights.of(Map.of(EventType.RATING, 1f), true);
        CsrMatrix m = Interactions.sorted(1, 1, 1, new int[] {0}, new int[] {0},
                new byte[] {(byte) EventType.RATING.ordinal()}, new float[] {4f}, new long[] {0}).toMatrix(byStars);
        assertThat(m.get(0, 0)).isEqualTo(4f);
    }

    /** Oracle: a hash map of (user, item) sums, and a transpose computed entry by entry. */
    @Property(tries = 100)
    void matrixAndTransposeMatchBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int nu,
            @ForAll @IntRange(min = 1, max = 20) int ni, @ForAll @IntRange(min = 0, max = 300) int n) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] users = new int[n];
        int[] items = new int[n];
        byte[] types = new byte[n];
        float[] values = new float[n];
        long[] times = new long[n];
        Map<Long, Float> expected = new HashMap<>();
        for (int i = 0; i < n; i++) {
            users[i] = r.nextInt(nu);
            items[i] = r.nextInt(ni);
            types[i] = (byte) r.nextInt(EventType.values().length);
            values[i] = 1 + r.nextInt(5);
            times[i] = r.nextInt(10);
            expected.merge((long) users[i] * ni + items[i], EventWeights.DEFAULT.weight(types[i], values[i]),
                    Float::sum);
        }
        Interactions in = Interactions.sorted(nu, ni, n, users, items, types, values, times);
        assertThat(in.size()).isEqualTo(n);
        for (int u = 0; u < nu; u++) {
            for (int k = in.start(u) + 1; k < in.end(u); k++) {
                assertThat(in.time(k)).isGreaterThanOrEqualTo(in.time(k - 1));
            }
        }
        CsrMatrix m = in.toMatrix(EventWeights.DEFAULT);
        CsrMatrix t = m.transpose();
        for (int u = 0; u < nu; u++) {
            int[] cols = m.rowIndices(u);
            int[] sorted = cols.clone();
            Arrays.sort(sorted);
            assertThat(cols).containsExactly(sorted);
            for (int i = 0; i < ni; i++) {
                float want = expected.getOrDefault((long) u * ni + i, 0f);
                assertThat(m.get(u, i)).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-4f));
                assertThat(t.get(i, u)).isEqualTo(m.get(u, i));
            }
        }
    }
}
