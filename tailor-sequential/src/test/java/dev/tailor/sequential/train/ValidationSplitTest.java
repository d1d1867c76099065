// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.sequential.model.Sequences;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {
    /** u0 = [1, 2, 3], u1 = [4] (one item), u2 = [] , u3 = [5, 6]. */
    private static final Sequences.Flat FLAT = new Sequences.Flat(new int[] {0, 3, 4, 4, 6},
            new int[] {1, 2, 3, 4, 5, 6});

    @Test
    void holdsOutTheLastItemOfUsersWithTwoOrMoreAndSkipsTheRest() {
        ValidationSplit s = ValidationSplit.holdOutLast(FLAT, 10, 42L);

        assertThat(s.size()).isEqualTo(2);
        assertThat(new int[] {s.user(0), s.user(1)}).containsExactlyInAnyOrder(0, 3);
        for (int v = 0; v < s.size(); v++) {
            assertThat(s.target(v)).isEqualTo(s.user(v) == 0 ? 3 : 6);
        }
        // Training reads u0 = [1, 2] and u3 = [5]; the one-item user keeps its item, the empty one stays empty.
        assertThat(s.trainEnds()).containsExactly(2, 4, 4, 5);
        assertThat(s.maskEnd(FLAT, 0)).isEqualTo(2);
    }

    @Test
    void aCapSamplesThatManyUsersAndOnlyTheyLoseAnItem() {
        ValidationSplit s = ValidationSplit.holdOutLast(FLAT, 1, 42L);

        assertThat(s.size()).isEqualTo(1);
        int held = s.user(0);
        int other = held == 0 ? 3 : 0;
        assertThat(s.trainEnd(held)).isEqualTo(FLAT.ptr()[held + 1] - 1);
        assertThat(s.trainEnd(other)).isEqualTo(FLAT.ptr()[other + 1]);
    }

    @Test
    void zeroValidationUsersHoldsOutNothing() {
        ValidationSplit s = ValidationSplit.holdOutLast(FLAT, 0, 42L);

        assertThat(s.size()).isZero();
        assertThat(s.trainEnds()).containsExactly(3, 4, 4, 6);
    }

    @Test
    void aGivenPartValidatesOnItsFirstItemAndLeavesTrainingWhole() {
        // Validation items: u0 = [7, 8], u1 = [], u2 = [9] (no training items), u3 = [10].
        Sequences.Flat valid = new Sequences.Flat(new int[] {0, 2, 2, 3, 4}, new int[] {7, 8, 9, 10});

        ValidationSplit s = ValidationSplit.given(FLAT, valid, 10, 42L);

        assertThat(s.size()).isEqualTo(2);
        assertThat(new int[] {s.user(0), s.user(1)}).containsExactly(0, 3);
        assertThat(new int[] {s.target(0), s.target(1)}).containsExactly(7, 10);
        assertThat(s.trainEnds()).containsExactly(3, 4, 4, 6);
        // The model's input is the whole training sequence, so all of it is masked.
        assertThat(s.maskEnd(FLAT, 0)).isEqualTo(3);
    }

    @Property(tries = 200)
    void heldOutItemsNeverReachTrainingAndTheSampleIsSeeded(@ForAll @IntRange(min = 0, max = 60) int users,
            @ForAll @IntRange(min = 0, max = 80) int cap, @ForAll long seed) {
        Sequences.Flat flat = randomFlat(users, seed);
        ValidationSplit s = ValidationSplit.holdOutLast(flat, cap, seed);

        int eligible = 0;
        for (int u = 0; u < users; u++) {
            eligible += flat.length(u) >= 2 ? 1 : 0;
        }
        assertThat(s.size()).isEqualTo(Math.min(cap, eligible));
        Set<Integer> validating = new HashSet<>();
        for (int v = 0; v < s.size(); v++) {
            int u = s.user(v);
            assertThat(validating.add(u)).as("user %d sampled twice", u).isTrue();
            assertThat(flat.length(u)).isGreaterThanOrEqualTo(2);
            int last = flat.ptr()[u + 1] - 1;
            assertThat(s.target(v)).isEqualTo(flat.items()[last]);
            // Training reads [ptr[u], trainEnd(u)): the held-out position is outside it, the rest inside.
            assertThat(s.trainEnd(u)).isEqualTo(last);
        }
        for (int u = 0; u < users; u++) {
            if (!validating.contains(u)) {
                assertThat(s.trainEnd(u)).isEqualTo(flat.ptr()[u + 1]);
            }
        }
        ValidationSplit again = ValidationSplit.holdOutLast(flat, cap, seed);
        for (int v = 0; v < s.size(); v++) {
            assertThat(again.user(v)).isEqualTo(s.user(v));
        }
    }

    /** Users with 0..6 items each over 20 items. */
    private static Sequences.Flat randomFlat(int users, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] ptr = new int[users + 1];
        int[] items = new int[users * 6];
        int n = 0;
        for (int u = 0; u < users; u++) {
            int len = r.nextInt(7);
            for (int t = 0; t < len; t++) {
                items[n++] = r.nextInt(20);
            }
            ptr[u + 1] = n;
        }
        return new Sequences.Flat(ptr, java.util.Arrays.copyOf(items, n));
    }
}
