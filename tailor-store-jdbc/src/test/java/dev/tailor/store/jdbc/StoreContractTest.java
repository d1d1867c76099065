// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.domain.Item;
import dev.tailor.core.domain.Price;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import dev.tailor.core.store.StoreStats;
import dev.tailor.core.store.StoreWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} must do, run against each backend by a subclass that says how to get a fresh, empty
 * store. Expected values are written out by hand from the inputs.
 */
abstract class StoreContractTest {
    static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

    protected String spec;
    protected Store store;

    /** A spec for a new, empty store of the backend under test. */
    protected abstract String newSpec();

    @BeforeEach
    void openStore() {
        spec = newSpec();
        store = JdbcStores.open(spec);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static Item fullItem() {
        return Item.builder("sku-中文-1", "无线蓝牙耳机 Pro")
                .description("降噪, 续航 30 小时\nsecond line with \"quotes\" and \\ backslash")
                .categoryPath(List.of("电子产品", "音频", "耳机"))
                .brand("声学")
                .price(Price.of("1299.990000", "cny"))
                .attribute("Colour", "黑色")
                .attribute("size", "M")
                .tags(List.of("new", "热卖"))
                .available(false)
                .createdAt(Instant.parse("2023-11-11T11:11:11.123Z"))
                .language("zh")
                .localizedTitle("en", "Wireless Bluetooth Earbuds Pro")
                .build();
    }

    static Item minimalItem(String id) {
        return new Item(id, "Plain " + id, null, null, null, null, null, null, true, null, null, null);
    }

    static Item item(String id, String... categories) {
        return Item.builder(id, "Title " + id).categoryPath(List.of(categories)).build();
    }

    static Event fullEvent() {
        return new Event(EventType.IMPRESSION, "用户-1", "sku-中文-1", 1.0, Instant.parse("2024-03-01T08:00:00.789Z"),
                "session-7", "首页", "req-42", null, 3);
    }

    static Event search(String user, String query, long second) {
        return new Event(EventType.SEARCH, user, null, 1.0, at(second), null, "search", null, query, null);
    }

    static Event view(String user, String item, long second) {
        return Event.of(EventType.VIEW, user, item, at(second));
    }

    static List<Item> allItems(Store s) {
        List<Item> out = new ArrayList<>();
        s.forEachItem(out::add);
        return out;
    }

    static List<Customer> allCustomers(Store s) {
        List<Customer> out = new ArrayList<>();
        s.forEachCustomer(out::add);
        return out;
    }

    static List<Event> allEvents(Store s) {
        List<Event> out = new ArrayList<>();
        s.forEachEvent(out::add);
        return out;
    }

    @Test
    void emptyStoreHasEmptyStats() {
        StoreStats stats = store.stats();

        assertThat(stats.items()).isZero();
        assertThat(stats.customers()).isZero();
        assertThat(stats.events()).isZero();
        assertThat(stats.eventsByType()).hasSize(EventType.values().length)
                .allSatisfy((t, n) -> assertThat(n).isZero());
        assertThat(stats.firstEvent()).isEmpty();
        assertThat(stats.lastEvent()).isEmpty();
        assertThat(stats.topCategories()).isEmpty();
        assertThat(stats.sparsity()).isEqualTo(1.0);
        assertThat(store.findItem("nope")).isEmpty();
        assertThat(store.findCustomer("nope")).isEmpty();
        assertThat(allEvents(store)).isEmpty();
    }

    @Test
    void itemsRoundTripEveryFieldIncludingChineseNullsAndEmptyCollections() {
        Item full = fullItem();
        Item minimal = minimalItem("plain-1");
        Item onlyEmptyCollections = Item.builder("empty-1", "Empty").categoryPath(List.of()).tags(List.of())
                .price(Price.of("0", "USD")).build();

        store.write(w -> {
            w.upsertItems(List.of(full, minimal, onlyEmptyCollections));
            return null;
        });

        assertThat(store.findItem("sku-中文-1")).contains(full);
        assertThat(store.findItem("plain-1")).contains(minimal);
        assertThat(store.findItem("empty-1")).contains(onlyEmptyCollections);
        Item read = store.findItem("sku-中文-1").orElseThrow();
        assertThat(read.price().amount()).isEqualByComparingTo("1299.99");
        assertThat(read.price().currency()).isEqualTo("CNY");
        assertThat(read.attributes()).isEqualTo(Map.of("colour", "黑色", "size", "M"));
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2023-11-11T11:11:11.123Z"));
        assertThat(minimal.brand()).isNull();
        assertThat(store.findItem("plain-1").orElseThrow().price()).isNull();
    }

    @Test
    void customersRoundTripEveryField() {
        Customer full = new Customer("客户-1", 34, Gender.FEMALE, "上海", Instant.parse("2020-02-29T23:59:59.999Z"),
                List.of("parents", "年轻人"), Map.of("tier", "gold", "occupation", "工程师"));
        Customer anonymous = Customer.anonymous("anon-1");
        Customer ageZero = new Customer("baby", 0, Gender.OTHER, null, null, List.of(), Map.of());

        store.write(w -> {
            w.upsertCustomers(List.of(full, anonymous, ageZero));
            return null;
        });

        assertThat(store.findCustomer("客户-1")).contains(full);
        assertThat(store.findCustomer("anon-1")).contains(anonymous);
        assertThat(store.findCustomer("baby")).contains(ageZero);
        assertThat(allCustomers(store)).containsExactlyInAnyOrder(full, anonymous, ageZero);
    }

    @Test
    void eventsRoundTripEveryField() {
        Event full = fullEvent();
        Event searchWithoutItem = search("用户-1", "蓝牙 耳机", 10);
        Event rating = Event.rating("u2", "i9", 4.5, at(20));

        int added = store.write(w -> w.appendEvents(List.of(full, searchWithoutItem, rating)));

        assertThat(added).isEqualTo(3);
        assertThat(allEvents(store)).containsExactly(full, searchWithoutItem, rating);
    }

    @Test
    void upsertsReplaceByIdAndTheLastWriteWins() {
        store.write(w -> {
            w.upsertItems(List.of(item("a", "Books"), item("b", "Toys")));
            w.upsertCustomers(List.of(new Customer("c1", 20, null, null, null, null, null)));
            return null;
        });
        Item newerA = Item.builder("a", "New title").categoryPath(List.of("Books", "Fiction")).build();
        Item lastA = Item.builder("a", "Last title").brand("Acme").build();

        store.write(w -> {
            // Same id twice in one call: the later record wins.
            w.upsertItems(List.of(newerA, lastA));
            w.upsertCustomers(List.of(new Customer("c1", 21, Gender.MALE, null, null, null, null)));
            return null;
        });

        assertThat(allItems(store)).containsExactly(lastA, item("b", "Toys"));
        assertThat(store.findCustomer("c1").orElseThrow().age()).isEqualTo(21);
        assertThat(store.stats().items()).isEqualTo(2);
        assertThat(store.stats().customers()).isEqualTo(1);
    }

    @Test
    void repeatedEventsAreStoredOnceWithinABatchAcrossBatchesAndAcrossTransactions() {
        Event v1 = view("u1", "i1", 1);
        Event v1Again = new Event(EventType.VIEW, "u1", "i1", 7.0, at(1), "other-session", null, null, null, null);
        Event click = Event.of(EventType.CLICK, "u1", "i1", at(1));
        Event later = view("u1", "i1", 2);
        Event s1 = search("u1", "shoes", 3);
        Event s1Again = search("u1", "boots", 3);

        int first = store.write(w -> w.appendEvents(List.of(v1, v1Again, click, v1, s1, s1Again)));
        int second = store.write(w -> w.appendEvents(List.of(v1, later, s1)) + w.appendEvents(List.of(later)));

        assertThat(first).isEqualTo(3);
        assertThat(second).isEqualTo(1);
        // The first occurrence is kept, with its own value and session.
        assertThat(allEvents(store)).containsExactly(v1, click, later, s1);
        assertThat(store.stats().events()).isEqualTo(4);
    }

    @Test
    void aFailingWriteKeepsNothingOfWhatItWrote() {
        store.write(w -> {
            w.upsertItems(List.of(item("a", "Books")));
            w.upsertCustomers(List.of(Customer.anonymous("c1")));
            w.appendEvents(List.of(view("c1", "a", 1)));
            return null;
        });
        List<Item> itemsBefore = allItems(store);
        List<Customer> customersBefore = allCustomers(store);
        List<Event> eventsBefore = allEvents(store);
        StoreStats statsBefore = store.stats();
        IllegalStateException boom = new IllegalStateException("importer failed half-way");

        assertThatThrownBy(() -> store.write(w -> {
            w.upsertItems(List.of(item("a", "Changed"), item("b", "Toys")));
            w.upsertCustomers(List.of(new Customer("c1", 40, null, null, null, null, null)));
            List<Event> many = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                many.add(view("c" + i, "a", 100 + i));
            }
            w.appendEvents(many);
            throw boom;
        })).isSameAs(boom);

        assertThat(allItems(store)).isEqualTo(itemsBefore);
        assertThat(allCustomers(store)).isEqualTo(customersBefore);
        assertThat(allEvents(store)).isEqualTo(eventsBefore);
        assertThat(store.stats()).isEqualTo(statsBefore);
    }

    @Test
    void aWriteThatFailsInTheDatabaseRollsBackAndNamesTheProblem() {
        Item tooPrecise = Item.builder("p", "Fractional").price(new Price(new BigDecimal("0.0000001"), "USD")).build();

        assertThatThrownBy(() -> store.write(w -> {
            w.upsertItems(List.of(item("ok", "Books")));
            w.upsertItems(List.of(tooPrecise));
            return null;
        })).isInstanceOf(ValidationException.class).hasMessageContaining("price").hasMessageContaining("'p'");

        assertThat(allItems(store)).isEmpty();
    }

    @Test
    void theWriterCannotBeUsedAfterItsTransaction() {
        AtomicReference<StoreWriter> leaked = new AtomicReference<>();
        store.write(w -> {
            leaked.set(w);
            return null;
        });

        assertThatThrownBy(() -> leaked.get().appendEvents(List.of(view("u", "i", 1))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eventsStreamInTimeOrderThenInsertionOrder() {
        Event late = view("u1", "i1", 50);
        Event tieA = view("u2", "i2", 10);
        Event tieB = Event.of(EventType.CLICK, "u0", "i0", at(10));
        Event early = view("u3", "i3", 1);
        Event tieC = view("a-user", "i5", 10);

        store.write(w -> w.appendEvents(List.of(late, tieA, tieB)));
        store.write(w -> w.appendEvents(List.of(early, tieC)));

        assertThat(allEvents(store)).containsExactly(early, tieA, tieB, tieC, late);
    }

    @Test
    void itemsAndCustomersStreamInIdOrder() {
        store.write(w -> {
            w.upsertItems(List.of(item("c"), item("a"), item("b")));
            w.upsertCustomers(List.of(Customer.anonymous("z"), Customer.anonymous("x"), Customer.anonymous("y")));
            return null;
        });

        assertThat(allItems(store)).extracting(Item::id).containsExactly("a", "b", "c");
        assertThat(allCustomers(store)).extracting(Customer::id).containsExactly("x", "y", "z");
    }

    @Test
    void largeBatchesAreChunkedWithoutLosingOrDoublingRows() {
        // 12,500 events cross both vendors' chunk sizes (H2 1,000, PostgreSQL 10,000); every 5th repeats the
        // one before it, so 10,000 are new.
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 12_500; i++) {
            events.add(i % 5 == 4 ? events.get(i - 1) : view("u" + (i % 97), "i" + (i % 89), i));
        }

        int added = store.write(w -> w.appendEvents(events));

        assertThat(added).isEqualTo(10_000);
        List<Event> read = allEvents(store);
        assertThat(read).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(read.get(0)).isEqualTo(events.get(0));
        assertThat(read.get(9_999)).isEqualTo(events.get(12_498));
    }

    @Test
    void statsOnAKnownDataset() {
        store.write(w -> {
            w.upsertItems(List.of(item("i1", "Home", "Kitchen"), item("i2", "Books", "Kitchen"),
                    item("i3", "Books", "Fiction"), item("i4", "Kitchen"), item("i5"), item("i6", "Toys")));
            w.upsertCustomers(List.of(Customer.anonymous("u1"), Customer.anonymous("u9")));
            w.appendEvents(List.of(
                    view("u1", "i1", 100), view("u1", "i1", 200), Event.of(EventType.PURCHASE, "u1", "i1", at(300)),
                    view("u1", "i2", 150), view("u2", "i2", 50), Event.rating("u2", "i3", 5, at(400)),
                    search("u3", "kettle", 10), search("u3", "kettle", 10),
                    Event.of(EventType.CLICK, "u4", "i-unknown", at(999))));
            return null;
        });

        StoreStats stats = store.stats();

        assertThat(stats.items()).isEqualTo(6);
        assertThat(stats.customers()).isEqualTo(2);
        assertThat(stats.events()).isEqualTo(9 - 1);
        assertThat(stats.eventsByType()).containsEntry(EventType.VIEW, 4L).containsEntry(EventType.PURCHASE, 1L)
                .containsEntry(EventType.RATING, 1L).containsEntry(EventType.SEARCH, 1L)
                .containsEntry(EventType.CLICK, 1L).containsEntry(EventType.FAVORITE, 0L);
        // Users u1..u4 have events (u9 only has a profile); items i1, i2, i3 and i-unknown were touched.
        assertThat(stats.activeUsers()).isEqualTo(4);
        assertThat(stats.activeItems()).isEqualTo(4);
        // (u1,i1) (u1,i2) (u2,i2) (u2,i3) (u4,i-unknown): the search names no item.
        assertThat(stats.userItemPairs()).isEqualTo(5);
        assertThat(stats.sparsity()).isEqualTo(1.0 - 5.0 / 16.0);
        assertThat(stats.firstEvent()).contains(at(10));
        assertThat(stats.lastEvent()).contains(at(999));
        // Kitchen 3 (i1, i2, i4), then Fiction and Toys with 1 each in name order; i5 is uncategorized.
        assertThat(stats.topCategories()).containsExactly(new StoreStats.CategoryCount("Kitchen", 3),
                new StoreStats.CategoryCount("Fiction", 1), new StoreStats.CategoryCount("Toys", 1));
    }

    @Test
    void topCategoriesStopAtTen() {
        List<Item> items = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            for (int k = 0; k <= c; k++) {
                items.add(item("item-" + c + "-" + k, "cat-" + c));
            }
        }
        store.write(w -> {
            w.upsertItems(items);
            return null;
        });

        List<StoreStats.CategoryCount> top = store.stats().topCategories();

        assertThat(top).hasSize(10);
        assertThat(top.get(0)).isEqualTo(new StoreStats.CategoryCount("cat-11", 12));
        assertThat(top.get(9)).isEqualTo(new StoreStats.CategoryCount("cat-2", 3));
    }

    @Test
    void reopeningKeepsTheDataExactlyWhenTheBackendIsPersistent() {
        store.write(w -> {
            w.upsertItems(List.of(fullItem()));
            return w.appendEvents(List.of(fullEvent()));
        });
        store.close();

        store = JdbcStores.open(spec);

        if (persistent()) {
            assertThat(store.findItem(fullItem().id())).contains(fullItem());
            assertThat(allEvents(store)).containsExactly(fullEvent());
        } else {
            assertThat(store.findItem(fullItem().id())).isEmpty();
            assertThat(store.stats().events()).isZero();
        }
    }

    /** Whether data outlives close() (false only for in-memory stores). */
    protected abstract boolean persistent();

    @Test
    void describeNamesTheBackendWithoutSecrets() {
        assertThat(store.describe()).isNotBlank().doesNotContain("password").doesNotContain("secret");
        assertThat(store.toString()).isEqualTo(store.describe());
    }
}
