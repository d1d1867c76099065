// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotAddedUsersTest {

    @Test
    void appendsUsersWithoutRenumberingTheRealOnes() {
        SnapshotBuilder b = new SnapshotBuilder("s");
        b.upsertCustomers(List.of(new Customer("a", 30, Gender.FEMALE, "north", null, List.of("vip"), Map.of())));
        b.addEvent("a", "x", EventType.CLICK.ordinal(), 1, 1);
        b.addEvent("b", "y", EventType.CLICK.ordinal(), 1, 2);
        Snapshot s = b.build();
        int r = EventType.RATING.ordinal();
        Interactions grown = Interactions.sorted(4, 2, 3, new int[] {0, 2, 3}, new int[] {0, 1, 1},
                new byte[] {(byte) r, (byte) r, (byte) r}, new float[] {5, 5, 4}, new long[] {1, 3, 4});
        Snapshot g = s.withAddedUsers("s+fake", List.of("fake-1", "fake-2"), grown);
        assertThat(g.numUsers()).isEqualTo(4);
        assertThat(g.users().indexOf("a")).isZero();
        assertThat(g.users().indexOf("fake-2")).isEqualTo(3);
        assertThat(g.userFeatures().age(0)).isEqualTo(30);
        assertThat(g.userFeatures().segments(0)).hasSize(1);
        assertThat(g.userFeatures().age(3)).isEqualTo(-1);
        assertThat(g.userFeatures().gender(2)).isNull();
        assertThat(g.userFeatures().segments(3)).isEmpty();
        assertThat(g.interactions().count(2)).isEqualTo(1);
        assertThat(g.items()).isSameAs(s.items());
        assertThatThrownBy(() -> s.withAddedUsers("x", List.of("a"), grown)).hasMessageContaining("already exists");
        assertThatThrownBy(() -> s.withAddedUsers("x", List.of("f"), grown)).hasMessageContaining("dimensions");
    }
}
