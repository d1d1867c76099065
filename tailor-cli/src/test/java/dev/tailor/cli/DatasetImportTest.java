// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.domain.Item;
import dev.tailor.core.store.Store;
import dev.tailor.core.store.StoreStats;
import dev.tailor.core.testing.SharedData;
import dev.tailor.store.jdbc.JdbcStores;
import dev.tailor.store.jdbc.PostgresTestServer;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The foundation's acceptance on real data: each public dataset imports through the real CLI into H2 and into
 * PostgreSQL with exactly the counts its SOURCE.md states, and {@code tailor stats} prints them.
 */
class DatasetImportTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("h2"), Arguments.of("postgresql"));
    }

    private String spec(String kind) {
        return kind.equals("h2") ? "h2:" + tmp.resolve("store") : PostgresTestServer.newSchemaSpec();
    }

    @ParameterizedTest(name = "MovieLens 100K into {0}")
    @MethodSource("stores")
    void movieLens100k(String kind) {
        Path data = SharedData.require("ml-100k");
        String spec = spec(kind);
        Cli imported = Cli.run("import", "movielens", data.toString(), "--store", spec);
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        try (Store store = JdbcStores.open(spec)) {
            StoreStats st = store.stats();
            assertThat(st.events()).isEqualTo(100_000);
            assertThat(st.eventsByType().get(EventType.RATING)).isEqualTo(100_000);
            assertThat(st.customers()).isEqualTo(943);
            assertThat(st.items()).isEqualTo(1_682);
            assertThat(st.activeUsers()).isEqualTo(943);
            // u.user line 1: "1|24|M|technician|85711"
            Customer c = store.findCustomer("1").orElseThrow();
            assertThat(c.age()).isEqualTo(24);
            assertThat(c.gender()).isEqualTo(Gender.MALE);
            assertThat(c.region()).isEqualTo("85711");
            assertThat(c.attributes()).containsEntry("occupation", "technician");
            // u.item line 1: Toy Story (1995), genres Animation|Children's|Comedy.
            Item toyStory = store.findItem("1").orElseThrow();
            assertThat(toyStory.title()).startsWith("Toy Story");
            assertThat(String.join("/", toyStory.categoryPath()) + toyStory.tags()).contains("Animation");
        }
        Cli stats = Cli.run("stats", "--store", spec);
        assertThat(stats.exitCode()).isZero();
        assertThat(stats.out()).contains("Items        1,682", "Customers    943", "Events       100,000",
                "rating", "1997-09-20");
    }

    @ParameterizedTest(name = "Amazon Beauty, Sports and Scientific into {0}")
    @MethodSource("stores")
    void amazon(String kind) {
        Path s3rec = SharedData.require("amazon-s3rec");
        Path scientific = SharedData.require("amazon-scientific");
        assertCounts(spec(kind), "amazon-s3rec", s3rec.resolve("Beauty.txt"), 22_363, 12_101, 198_502);
        assertCounts(spec(kind), "amazon-s3rec", s3rec.resolve("Sports_and_Outdoors.txt"), 35_598, 18_357, 296_337);
        String sci = spec(kind);
        assertCounts(sci, "amazon-scientific", scientific, 8_442, 4_385, 59_384);
        try (Store store = JdbcStores.open(sci)) {
            assertThat(store.stats().items()).as("every Scientific item has its text").isEqualTo(4_385);
            store.forEachItem(item -> assertThat(item.title()).isNotBlank());
        }
    }

    private static void assertCounts(String spec, String format, Path path, long users, long items, long events) {
        Cli r = Cli.run("import", format, path.toString(), "--store", spec);
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (Store store = JdbcStores.open(spec)) {
            StoreStats st = store.stats();
            assertThat(st.events()).as("events of " + path).isEqualTo(events);
            assertThat(st.activeUsers()).as("users of " + path).isEqualTo(users);
            assertThat(st.activeItems()).as("items of " + path).isEqualTo(items);
        }
    }
}
