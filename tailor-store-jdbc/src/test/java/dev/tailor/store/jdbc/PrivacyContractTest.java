// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.store.Erasure;
import dev.tailor.core.store.Store;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pseudonyms, encryption, erasure and retention on a real database; run per backend like the store contract.
 * The erasure tests read every column of every table through JDBC metadata, so a table added later is covered
 * without anyone remembering to.
 */
abstract class PrivacyContractTest {
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final String ALICE = "alice-42";
    static final String BOB = "bob-7";
    static final String SECRET_REGION = "Hangzhou-Xihu";
    static final String SECRET_QUERY = "pregnancy test";

    protected String spec;
    private final List<Store> opened = new ArrayList<>();

    protected abstract String newSpec();

    @AfterEach
    void closeAll() {
        opened.forEach(Store::close);
    }

    Store open(StorePrivacy privacy) {
        if (spec == null) {
            spec = newSpec();
        }
        Store s = JdbcStores.open(spec, privacy);
        opened.add(s);
        return s;
    }

    static byte[] key(int seed) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) seed);
        k[0] = 1;
        return k;
    }

    static StorePrivacy full() {
        return StorePrivacy.of(List.of(key(1)), true, List.of(key(2)));
    }

    static Customer alice() {
        return new Customer(ALICE, 34, Gender.FEMALE, SECRET_REGION, T0, List.of("parents"),
                Map.of("occupation", "nurse"));
    }

    static void fill(Store s) {
        s.write(w -> {
            w.upsertItems(List.of(Item.builder("i1", "Item one").build(), Item.builder("i2", "Item two").build()));
            w.upsertCustomers(List.of(alice(), Customer.anonymous(BOB)));
            return w.appendEvents(List.of(
                    Event.of(EventType.VIEW, ALICE, "i1", T0.plusSeconds(10)),
                    Event.of(EventType.PURCHASE, ALICE, "i2", T0.plusSeconds(20)),
                    new Event(EventType.SEARCH, ALICE, null, 1, T0.plusSeconds(30), "s1", "search", null,
                            SECRET_QUERY, null),
                    Event.of(EventType.VIEW, BOB, "i1", T0.plusSeconds(5)),
                    Event.of(EventType.VIEW, BOB, "i2", T0.plusSeconds(400))));
        });
    }

    /** Every value of every column of every table of the store's schema that contains one of the needles. */
    List<String> find(String... needles) {
        List<String> hits = new ArrayList<>();
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).extracting(t -> t.toLowerCase(java.util.Locale.ROOT))
                    .contains("customers", "events", "customer_identities", "items");
            for (String table : tables) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            String v = rs.getString(i);
                            for (String needle : needles) {
                                if (v != null && v.contains(needle)) {
                                    hits.add(table + "." + rs.getMetaData().getColumnName(i) + " = " + v);
                                }
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return hits;
    }

    Connection connect() throws SQLException {
        StoreSpec parsed = StoreSpec.parse(spec, System::getenv);
        Properties p = new Properties();
        parsed.user().ifPresent(u -> p.setProperty("user", u));
        parsed.password().ifPresent(u -> p.setProperty("password", u));
        return DriverManager.getConnection(parsed.jdbcUrl(), p);
    }

    @Test
    void erasureLeavesNothingAboutTheCustomerInAnyTable() {
        StorePrivacy privacy = full();
        Store s = open(privacy);
        fill(s);
        String pseudonym = s.pseudonymizer().pseudonym(ALICE);
        assertThat(find(pseudonym)).isNotEmpty();
        assertThat(find(ALICE)).as("the identity table holds the id").hasSize(1);

        Erasure e = s.eraseCustomer(ALICE);

        assertThat(e).isEqualTo(new Erasure(true, 3, true));
        assertThat(find(ALICE, pseudonym, SECRET_REGION, SECRET_QUERY)).isEmpty();
        assertThat(s.findCustomer(ALICE)).isEmpty();
        assertThat(s.findCustomer(BOB)).isPresent();
        assertThat(allEvents(s)).extracting(Event::userId).containsOnly(s.pseudonymizer().pseudonym(BOB)).hasSize(2);
        assertThat(s.eraseCustomer(ALICE).found()).isFalse();
    }

    @Test
    void erasureWithoutProtectionRemovesTheRawId() {
        Store s = open(StorePrivacy.none());
        fill(s);
        assertThat(find(ALICE)).hasSize(4);
        assertThat(s.eraseCustomer(ALICE)).isEqualTo(new Erasure(true, 3, false));
        assertThat(find(ALICE, SECRET_REGION, SECRET_QUERY)).isEmpty();
        assertThat(s.eraseCustomer("nobody").found()).isFalse();
    }

    @Test
    void erasureDropsArchivedModelsWhichMayHoldTheCustomer() {
        Store s = open(StorePrivacy.none());
        fill(s);
        var archive = s.modelArchive().orElseThrow();
        archive.save("model-set", Map.of(), out -> {
            try {
                out.write(("history of " + ALICE).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(s.eraseCustomer("nobody").found()).isFalse();
        assertThat(archive.latest("model-set")).as("erasing nobody keeps the archive").isPresent();
        s.eraseCustomer(ALICE);
        assertThat(archive.latest("model-set")).isEmpty();
    }

    @Test
    void protectedFieldsNeverReachTheDatabaseInTheClearAndReadBackWhole() {
        Store s = open(full());
        fill(s);
        assertThat(find(SECRET_REGION, SECRET_QUERY, "nurse", "parents")).isEmpty();
        String p = s.pseudonymizer().pseudonym(ALICE);
        assertThat(s.findCustomer(ALICE)).contains(new Customer(p, 34, Gender.FEMALE, SECRET_REGION, T0,
                List.of("parents"), Map.of("occupation", "nurse")));
        List<Event> mine = new ArrayList<>();
        s.forEachEventOf(ALICE, mine::add);
        assertThat(mine).extracting(Event::timestamp).containsExactly(T0.plusSeconds(10), T0.plusSeconds(20),
                T0.plusSeconds(30));
        assertThat(mine.get(2).query()).isEqualTo(SECRET_QUERY);
        assertThat(mine).extracting(Event::userId).containsOnly(p);
    }

    @Test
    void aWrongOrMissingKeyIsRefusedByName() {
        Store s = open(full());
        fill(s);
        s.close();
        assertThatThrownBy(() -> open(StorePrivacy.of(List.of(key(9)), true, List.of(key(2)))))
                .isInstanceOf(TailorException.class).hasMessageContaining("configured pseudonym key is")
                .hasMessageContaining("wrong key file");
        assertThatThrownBy(() -> open(StorePrivacy.none()))
                .isInstanceOf(TailorException.class).hasMessageContaining("no pseudonym key is configured")
                .hasMessageContaining("no encryption key is configured");
        assertThatThrownBy(() -> open(StorePrivacy.of(List.of(key(1)), true, List.of())))
                .hasMessageContaining("personal fields are encrypted, but no encryption key");
        // Right pseudonym key, an encryption key the data was not written with: found at read, by key id.
        Store other = open(StorePrivacy.of(List.of(key(1)), true, List.of(key(3))));
        assertThatThrownBy(() -> other.findCustomer(ALICE)).isInstanceOf(TailorException.class)
                .hasMessageContaining("was encrypted with key " + FieldCipher.keyId(key(2)))
                .hasMessageContaining("not among the configured encryption keys");
    }

    @Test
    void aStoreWithPlainDataIsNotSilentlyMixedWithProtectedData() {
        Store s = open(StorePrivacy.none());
        fill(s);
        s.close();
        assertThatThrownBy(() -> open(full())).isInstanceOf(TailorException.class)
                .hasMessageContaining("it stores customer ids as sent");
    }

    @Test
    void aCiphertextMovedToAnotherCustomerDoesNotOpen() throws SQLException {
        Store s = open(full());
        fill(s);
        s.write(w -> {
            w.upsertCustomers(List.of(Customer.anonymous("carol")));
            return null;
        });
        String alice = s.pseudonymizer().pseudonym(ALICE);
        String carol = s.pseudonymizer().pseudonym("carol");
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE customers SET personal = (SELECT personal FROM customers WHERE id = '" + alice
                    + "') WHERE id = '" + carol + "'");
        }
        assertThatThrownBy(() -> s.findCustomer("carol")).isInstanceOf(TailorException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void rotationRewritesEveryPseudonymAndRetiresTheOldChain() {
        StorePrivacy before = full();
        Store s = open(before);
        fill(s);
        String old = s.pseudonymizer().pseudonym(ALICE);
        s.close();
        opened.clear();

        StorePrivacy after = JdbcStores.rotatePseudonymKey(spec, before, key(5));

        assertThat(find(old)).isEmpty();
        Store r = open(after);
        assertThat(r.findCustomer(ALICE)).map(Customer::region).contains(SECRET_REGION);
        assertThat(find(r.pseudonymizer().pseudonym(ALICE))).isNotEmpty();
        List<Event> mine = new ArrayList<>();
        r.forEachEventOf(ALICE, mine::add);
        assertThat(mine).hasSize(3);
        r.close();
        assertThatThrownBy(() -> open(before)).hasMessageContaining("wrong key file");
        assertThat(StorePrivacy.load(writeKeyFile(after.toKeyFile())).pseudonymizer().keyId())
                .isEqualTo(after.pseudonymizer().keyId());
    }

    private static java.nio.file.Path writeKeyFile(String text) {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("tailor-keys", ".properties");
            java.nio.file.Files.writeString(f, text);
            f.toFile().deleteOnExit();
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void retentionPurgesOnlyOlderEvents() {
        Store s = open(full());
        fill(s);
        assertThat(s.purgeEventsBefore(T0.plusSeconds(20))).isEqualTo(2);
        assertThat(allEvents(s)).extracting(Event::timestamp)
                .containsExactly(T0.plusSeconds(20), T0.plusSeconds(30), T0.plusSeconds(400));
        assertThat(s.purgeEventsBefore(T0)).isZero();
        assertThat(s.stats().customers()).as("profiles are not events").isEqualTo(2);
    }

    static List<Event> allEvents(Store s) {
        List<Event> out = new ArrayList<>();
        s.forEachEvent(out::add);
        return out;
    }
}
