// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.EventType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveEventsTest {
    private static int[] recent(LiveEvents e, String customer, long since) {
        int[] items = new int[e.perCustomer()];
        byte[] types = new byte[e.perCustomer()];
        return Arrays.copyOf(items, e.recent(customer, since, items, types));
    }

    @Test
    void keepsTheLastEventsOfEachCustomerOldestFirst() {
        LiveEvents e = new LiveEvents(3, 10);
        for (int i = 0; i < 5; i++) {
            e.record("a", i, EventType.VIEW.ordinal());
        }
        e.record("b", 42, EventType.PURCHASE.ordinal());
        assertThat(recent(e, "a", 0)).containsExactly(2, 3, 4);
        assertThat(recent(e, "b", 0)).containsExactly(42);
        assertThat(recent(e, "nobody", 0)).isEmpty();
        assertThat(e.sequence()).isEqualTo(6);
        byte[] types = new byte[3];
        e.recent("b", 0, new int[3], types);
        assertThat(types[0]).isEqualTo((byte) EventType.PURCHASE.ordinal());
    }

    @Test
    void theWatermarkHidesEventsThatTheModelsAlreadyContain() {
        LiveEvents e = new LiveEvents(8, 10);
        e.record("a", 1, 0);
        e.record("a", 2, 0);
        long watermark = e.sequence();
        e.record("a", 3, 0);
        assertThat(recent(e, "a", watermark)).containsExactly(3);
        e.record("c", 9, 0);
        e.pruneBefore(watermark);
        assertThat(e.customers()).isEqualTo(2);
        e.pruneBefore(e.sequence());
        assertThat(e.customers()).isZero();
    }

    @Test
    void forgetsTheLeastRecentlyActiveCustomersBeyondTheBound() {
        LiveEvents e = new LiveEvents(4, 64);
        for (int c = 0; c < 1_000; c++) {
            e.record("c" + c, c, 0);
        }
        assertThat(e.customers()).isLessThanOrEqualTo(64 + 64);
        assertThat(recent(e, "c999", 0)).containsExactly(999);
        assertThat(recent(e, "c0", 0)).isEmpty();
        assertThatThrownBy(() -> new LiveEvents(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void liveProfilesAreBoundedAndPrunedByWatermark() {
        LiveCustomers live = new LiveCustomers(100);
        live.put(new Customer("a", null, null, null, null, List.of("parents"), null), 5);
        live.put(new Customer("b", null, null, null, null, List.of(), null), 9);
        assertThat(live.find("a").orElseThrow().segments()).containsExactly("parents");
        live.pruneBefore(6);
        assertThat(live.find("a")).isEmpty();
        assertThat(live.find("b")).isPresent();
        assertThat(live.size()).isEqualTo(1);
    }

    @Test
    void theLruShardsStayWithinCapacityAndKeepTheNewest() {
        BoundedLru<Integer> lru = new BoundedLru<>(10);
        for (int i = 0; i < 100; i++) {
            lru.put("k" + i, i);
        }
        assertThat(lru.size()).isLessThanOrEqualTo(10);
        assertThat(lru.get("k99")).isEqualTo(99);
        assertThat(lru.get("k0")).isNull();
        assertThat(lru.touch("new", k -> 7)).isEqualTo(7);
        assertThat(lru.touch("new", k -> 8)).isEqualTo(7);
    }
}
