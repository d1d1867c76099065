// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import dev.tailor.store.jdbc.JdbcStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retention job on a real H2 store, with a fixed clock. */
class RetentionJobTest {
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private Store store;

    @BeforeEach
    void open() {
        store = JdbcStores.open("h2:mem:retention" + UUID.randomUUID().toString().replace("-", ""));
        store.write(w -> {
            w.upsertItems(List.of(Item.builder("i", "Item").build()));
            w.upsertCustomers(List.of(Customer.anonymous("u")));
            return w.appendEvents(List.of(
                    Event.of(EventType.VIEW, "u", "i", NOW.minus(Duration.ofDays(400))),
                    Event.of(EventType.CLICK, "u", "i", NOW.minus(Duration.ofDays(366))),
                    Event.of(EventType.VIEW, "u", "i", NOW.minus(Duration.ofDays(364))),
                    Event.of(EventType.VIEW, "u", "i", NOW.minus(Duration.ofDays(1)))));
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void deletesEventsOlderThanTheMaximumAgeAndKeepsProfiles() {
        RetentionJob job = new RetentionJob(store, Duration.ofDays(365), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(job.runOnce()).isEqualTo(2);
        assertThat(job.runOnce()).isZero();
        assertThat(store.stats().events()).isEqualTo(2);
        assertThat(store.stats().firstEvent()).contains(NOW.minus(Duration.ofDays(364)));
        assertThat(store.findCustomer("u")).isPresent();
    }

    @Test
    void runsOnItsPeriod() throws InterruptedException {
        try (RetentionJob job = new RetentionJob(store, Duration.ofDays(2), Clock.fixed(NOW, ZoneOffset.UTC))
                .start(Duration.ofMillis(50))) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (store.stats().events() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(store.stats().events()).isEqualTo(1);
        }
    }

    @Test
    void refusesAnAgeUnderADayAndAPeriodOfZero() {
        Clock c = Clock.systemUTC();
        assertThatThrownBy(() -> new RetentionJob(store, Duration.ofHours(2), c))
                .isInstanceOf(ValidationException.class).hasMessageContaining("retention")
                .hasMessageContaining("at least 1 day");
        try (RetentionJob job = new RetentionJob(store, Duration.ofDays(30), c)) {
            assertThatThrownBy(() -> job.start(Duration.ZERO)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("retention_every");
        }
    }
}
