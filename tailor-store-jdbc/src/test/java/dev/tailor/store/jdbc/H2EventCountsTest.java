// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The fingerprint set behind H2's distinct counts, against java.util.HashSet as the oracle. */
class H2EventCountsTest {
    @Property(tries = 200)
    void longSetCountsLikeAHashSet(@ForAll @Size(max = 3_000) List<@LongRange(min = -50, max = 50) Long> small,
                                   @ForAll @Size(max = 3_000) List<Long> any) {
        H2EventCounts.LongSet set = new H2EventCounts.LongSet();
        Set<Long> oracle = new HashSet<>();
        for (List<Long> values : List.of(small, any)) {
            for (long v : values) {
                set.add(v);
                oracle.add(v);
            }
        }

        assertThat(set.size()).isEqualTo(oracle.size());
    }

    @Test
    void zeroIsCountedOnceLikeAnyOtherValue() {
        H2EventCounts.LongSet set = new H2EventCounts.LongSet();
        set.add(0);
        set.add(0);
        set.add(7);

        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void similarIdsGetDistinctFingerprints() {
        // Ids that differ in one character, or only in length, are what shops actually have.
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 300_000; i++) {
            seen.add(H2EventCounts.fingerprint("user-" + i));
            seen.add(H2EventCounts.fingerprint("USER-" + i));
            seen.add(H2EventCounts.fingerprint("user-" + i + "\u0000"));
        }

        assertThat(seen).hasSize(900_000);
        assertThat(H2EventCounts.fingerprint("")).isNotEqualTo(H2EventCounts.fingerprint("\u0000"));
    }
}
