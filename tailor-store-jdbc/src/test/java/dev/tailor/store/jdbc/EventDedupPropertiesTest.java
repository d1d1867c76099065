// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * De-duplication against a brute-force oracle: however random batches repeat each other, the store keeps
 * exactly one event per distinct (user, item, type, timestamp) key, and appendEvents reports exactly those.
 * Keys come from tiny domains so that repeats within and across batches and transactions are common.
 */
class EventDedupPropertiesTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final AtomicInteger TRIES = new AtomicInteger();
    private static Store h2;
    private static Store postgres;
    private static String postgresSpec;

    @BeforeContainer
    static void open() {
        h2 = JdbcStores.open("h2:mem:dedup-property");
        postgresSpec = PostgresTestServer.newSchemaSpec();
        postgres = JdbcStores.open(postgresSpec);
    }

    @AfterContainer
    static void close() {
        h2.close();
        postgres.close();
        PostgresTestServer.dropSchemaOf(postgresSpec);
    }

    @Property(tries = 60)
    void h2StoresOneEventPerDistinctKey(@ForAll("transactions") List<List<List<Event>>> transactions) {
        checkAgainstOracle(h2, transactions);
    }

    @Property(tries = 60)
    void postgresStoresOneEventPerDistinctKey(@ForAll("transactions") List<List<List<Event>>> transactions) {
        checkAgainstOracle(postgres, transactions);
    }

    private static void checkAgainstOracle(Store store, List<List<List<Event>>> transactions) {
        // Each try gets its own user namespace in the shared store, so earlier tries cannot mask a bug.
        String prefix = "t" + TRIES.incrementAndGet() + "-";
        Set<List<Object>> distinct = new HashSet<>();
        long before = store.stats().events();
        long reported = 0;
        for (List<List<Event>> transaction : transactions) {
            List<List<Event>> batches = new ArrayList<>();
            for (List<Event> batch : transaction) {
                List<Event> renamed = new ArrayList<>();
                for (Event e : batch) {
                    Event r = new Event(e.type(), prefix + e.userId(), e.itemId(), e.value(), e.timestamp(),
                            null, null, null, e.query(), null);
                    renamed.add(r);
                    distinct.add(List.of(r.userId(), String.valueOf(r.itemId()), r.type(), r.timestamp()));
                }
                batches.add(renamed);
            }
            reported += store.write(w -> {
                int sum = 0;
                for (List<Event> b : batches) {
                    sum += w.appendEvents(b);
                }
                return sum;
            });
        }

        assertThat(reported).isEqualTo(distinct.size());
        assertThat(store.stats().events() - before).isEqualTo(distinct.size());
    }

    @Provide
    Arbitrary<List<List<List<Event>>>> transactions() {
        Arbitrary<Event> event = Combinators.combine(
                Arbitraries.of(EventType.VIEW, EventType.CLICK, EventType.SEARCH),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3),
                Arbitraries.doubles().between(0, 5)).as((type, user, item, second, value) ->
                new Event(type, "u" + user, type == EventType.SEARCH && item == 0 ? null : "i" + item, value,
                        T0.plusSeconds(second), null, null, null, type == EventType.SEARCH ? "q" + value : null,
                        null));
        Arbitrary<List<Event>> batch = event.list().ofMaxSize(30);
        return batch.list().ofMinSize(1).ofMaxSize(4).list().ofMinSize(1).ofMaxSize(3);
    }
}
