// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.domain.Item;
import dev.tailor.core.domain.Price;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotBuilderTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void buildsDenseIdsFeaturesAndSequences() {
        SnapshotBuilder b = new SnapshotBuilder("test");
        b.upsertItems(List.of(
                Item.builder("phone", "Phone X").categoryPath(List.of("Electronics", "Phones")).brand("Acme")
                        .price(Price.of("499.00", "USD")).build(),
                Item.builder("case", "手机壳").categoryPath(List.of("Electronics", "Cases")).language("zh").build()));
        b.upsertCustomers(List.of(new Customer("ann", 34, Gender.FEMALE, "Berlin", null, List.of("parents"),
                Map.of())));
        b.appendEvents(List.of(
                Event.of(EventType.PURCHASE, "ann", "case", T0.plusSeconds(60)),
                Event.of(EventType.VIEW, "ann", "phone", T0),
                Event.of(EventType.VIEW, "bob", "unknown-item", T0),
                new Event(EventType.SEARCH, "bob", null, 1, T0, null, null, null, "phone case", null)));
        Snapshot s = b.build();

        assertThat(s.numItems()).isEqualTo(3);
        assertThat(s.numUsers()).isEqualTo(2);
        int ann = s.users().indexOf("ann");
        int phone = s.items().indexOf("phone");
        int kase = s.items().indexOf("case");
        assertThat(s.interactions().sequence(ann)).containsExactly(phone, kase);
        assertThat(s.interactions().size()).isEqualTo(3); // the search had no item
        ItemFeatures f = s.itemFeatures();
        assertThat(f.price(phone)).isEqualTo(499f);
        assertThat(f.categories().id(f.category(phone))).isEqualTo("Electronics > Phones");
        assertThat(f.topCategory(phone)).isEqualTo(f.topCategory(kase));
        assertThat(f.title(s.items().indexOf("unknown-item"))).isEqualTo("unknown-item");
        assertThat(Float.isNaN(f.price(kase))).isTrue();
        UserFeatures uf = s.userFeatures();
        assertThat(uf.age(ann)).isEqualTo(34);
        assertThat(uf.gender(ann)).isEqualTo(Gender.FEMALE);
        assertThat(uf.segments().id(uf.segments(ann)[0])).isEqualTo("parents");
        assertThat(uf.age(s.users().indexOf("bob"))).isEqualTo(-1);
        assertThat(uf.gender(s.users().indexOf("bob"))).isNull();
    }

    @Test
    void fingerprintDependsOnDataOnly() {
        Snapshot a = twoEvents("a");
        Snapshot b = twoEvents("b");
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(16);
        Snapshot c = a.withInteractions("c", a.interactions().filter((u, k) -> k == 0));
        assertThat(c.fingerprint()).isNotEqualTo(a.fingerprint());
    }

    private static Snapshot twoEvents(String name) {
        SnapshotBuilder b = new SnapshotBuilder(name);
        b.addEvent("u1", "i1", EventType.VIEW.ordinal(), 1f, 10L);
        b.addEvent("u2", "i1", EventType.PURCHASE.ordinal(), 1f, 20L);
        return b.build();
    }
}
