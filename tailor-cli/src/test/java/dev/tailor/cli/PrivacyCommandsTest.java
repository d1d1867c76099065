// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.core.domain.Event;
import dev.tailor.core.store.Store;
import dev.tailor.store.jdbc.JdbcStores;
import dev.tailor.store.jdbc.PostgresTestServer;
import dev.tailor.store.jdbc.StorePrivacy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --privacy-keys} and {@code tailor privacy ...} through the real command line, on real H2 file stores
 * (and one PostgreSQL round trip) holding the sample shop imported from files with a key file.
 */
class PrivacyCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Owner-only, the permissions a key file must have where the file system has them. */
    private static final String OWNER_ONLY = "rw-------";

    @TempDir
    static Path tmp;
    /** The sample shop as CSV files, imported into a fresh store by each test. */
    private static Path shop;
    /** The shop's customer ids, as the shop knows them. */
    private static List<String> customers;
    private static int stores;

    @BeforeAll
    static void shopFiles() throws IOException {
        shop = tmp.resolve("shop-files");
        Cli gen = Cli.run("sample-shop", "--items", "200", "--customers", "300", "--seed", "11", "--out",
                shop.toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        customers = new ArrayList<>();
        try (var lines = Files.lines(shop.resolve("customers.csv"))) {
            lines.skip(1).forEach(l -> customers.add(l.substring(0, l.indexOf(','))));
        }
        assertThat(customers).hasSize(300).allSatisfy(id -> assertThat(id).matches("u\\d{7}"));
    }

    private static Path keygen(String... options) {
        Path file = tmp.resolve("keys-" + (++stores) + ".properties");
        List<String> args = new ArrayList<>(List.of("privacy", "keygen", "--out", file.toString()));
        args.addAll(List.of(options));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return file;
    }

    /** A new H2 file store with the shop imported through {@code tailor import} with the key file. */
    private static String importShop(Path keys) {
        return importShop("h2:" + tmp.resolve("store-" + (++stores)), keys);
    }

    private static String importShop(String spec, Path keys) {
        for (String kind : List.of("items", "customers", "events")) {
            Cli r = Cli.run("import", "csv", "--kind", kind, shop.resolve(kind + ".csv").toString(), "--store", spec,
                    "--privacy-keys", keys.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
        return spec;
    }

    private static void withStore(String spec, Path keys, Consumer<Store> work) {
        try (Store s = JdbcStores.open(spec, StorePrivacy.load(keys))) {
            work.accept(s);
        }
    }

    @Test
    void keygenWritesAnOwnerOnlyKeyFileAndNeverOverwritesOne() throws IOException {
        Path file = keygen("--encrypt");
        assertThat(StorePrivacy.load(file).encrypts()).isTrue();
        assertThat(StorePrivacy.load(file).pseudonymizer().active()).isTrue();
        assertThat(StorePrivacy.load(file).keepsIdentity()).isFalse();
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo(OWNER_ONLY);
        }
        String before = Files.readString(file);

        Cli again = Cli.run("privacy", "keygen", "--out", file.toString());

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains(file.toString(), "never overwritten").doesNotContain("\tat ");
        assertThat(Files.readString(file)).isEqualTo(before);
        Path other = keygen("--keep-identity");
        assertThat(Files.readString(other)).isNotEqualTo(before);
        assertThat(StorePrivacy.load(other).encrypts()).isFalse();
        assertThat(StorePrivacy.load(other).keepsIdentity()).isTrue();
    }

    @Test
    void helpExplainsTheGroupAndEachCommandWithExamples() {
        Cli group = Cli.run("privacy", "--help");
        assertThat(group.exitCode()).isZero();
        assertThat(group.out()).contains("keygen", "rotate-key", "purge", "export", "erase", "TAILOR_PRIVACY_KEYS",
                "Examples:");
        for (String command : List.of("keygen", "rotate-key", "purge", "export", "erase")) {
            Cli help = Cli.run("privacy", command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).as(command).contains("Examples:", "tailor privacy " + command);
        }
        assertThat(Cli.run("stats", "--help").out()).contains("--privacy-keys");
        assertThat(Cli.run("serve", "--help").out()).contains("--retention", "--retention-every");
    }

    @Test
    void anImportWithKeysStoresNoRawCustomerIdAndOpensOnlyWithTheKey() throws IOException {
        Path keys = keygen("--encrypt");
        String spec = importShop(keys);

        // Session ids are stored as sent; the sample shop's are opaque, so no column holds a raw id.
        assertThat(StoreScan.find(Path.of(spec.substring("h2:".length())), Set.copyOf(customers))).isEmpty();

        Cli stats = Cli.run("stats", "--store", spec, "--privacy-keys", keys.toString());
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("Customers    300", "Items        200");

        Cli noKey = Cli.run("stats", "--store", spec);
        assertThat(noKey.exitCode()).isEqualTo(1);
        assertThat(noKey.err()).contains("missing key file?").doesNotContain("\tat ");

        Cli wrongKey = Cli.run("stats", "--store", spec, "--privacy-keys", keygen("--encrypt").toString());
        assertThat(wrongKey.exitCode()).isEqualTo(1);
        assertThat(wrongKey.err()).contains("wrong key file?").doesNotContain("\tat ");

        Path missing = tmp.resolve("no-such-keys.properties");
        Cli absent = Cli.run("stats", "--store", spec, "--privacy-keys", missing.toString());
        assertThat(absent.exitCode()).isEqualTo(1);
        assertThat(absent.err()).contains(missing.toString(), "does not exist", "tailor privacy keygen")
                .doesNotContain("\tat ");

        Path bad = Files.writeString(tmp.resolve("bad-keys.properties"), "pseudonym.keys = not*base64\n");
        Cli malformed = Cli.run("stats", "--store", spec, "--privacy-keys", bad.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains(bad.toString(), "pseudonym.keys[0]", "not base64")
                .doesNotContain("\tat ");
    }

    @Test
    void rotateKeyRewritesPseudonymsAndKeepsEveryCustomersData() throws IOException {
        Path keys = keygen("--encrypt");
        String spec = importShop(keys);
        Path oldKeys = Files.copy(keys, tmp.resolve("old-" + keys.getFileName()));
        String customer = customers.get(7);
        JsonNode before = export(spec, keys, customer);
        String statsBefore = Cli.run("stats", "--store", spec, "--privacy-keys", keys.toString()).out();

        Cli rotate = Cli.run("privacy", "rotate-key", "--store", spec, "--privacy-keys", keys.toString());

        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        String oldId = StorePrivacy.load(oldKeys).pseudonymizer().keyId();
        String newId = StorePrivacy.load(keys).pseudonymizer().keyId();
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(rotate.out()).contains(oldId + " -> " + newId, "300 customers", keys.toString());
        assertThat(keys.resolveSibling(keys.getFileName() + ".next")).doesNotExist();
        if (keys.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo(OWNER_ONLY);
        }
        assertThat(Cli.run("stats", "--store", spec, "--privacy-keys", keys.toString()).out())
                .isEqualTo(statsBefore);
        JsonNode after = export(spec, keys, customer);
        assertThat(after.path("stored_as").asText()).isNotEqualTo(before.path("stored_as").asText());
        assertThat(withoutStorage(after)).isEqualTo(withoutStorage(before));
        assertThat(after.path("events").size()).isPositive();
        Cli old = Cli.run("stats", "--store", spec, "--privacy-keys", oldKeys.toString());
        assertThat(old.exitCode()).isEqualTo(1);
        assertThat(old.err()).contains("wrong key file?");
    }

    @Test
    void rotateKeyNeedsAKeyFileWithPseudonymKeys() throws IOException {
        Cli none = Cli.run("privacy", "rotate-key", "--store", "h2:" + tmp.resolve("store-none"));
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--privacy-keys", "TAILOR_PRIVACY_KEYS");
        Path encryptionOnly = Files.writeString(tmp.resolve("encryption-only.properties"),
                "encryption.keys = " + StorePrivacy.newKey() + "\n");
        Cli noChain = Cli.run("privacy", "rotate-key", "--store", "h2:" + tmp.resolve("store-enc"),
                "--privacy-keys", encryptionOnly.toString());
        assertThat(noChain.exitCode()).isEqualTo(2);
        assertThat(noChain.err()).contains(encryptionOnly.toString(), "pseudonym.keys", "no pseudonym key chain");
        assertThat(encryptionOnly.resolveSibling("encryption-only.properties.next")).doesNotExist();
    }

    @Test
    void purgeDeletesExactlyTheEventsOlderThanTheAge() {
        Path keys = keygen();
        String spec = importShop(keys);
        List<Instant> times = new ArrayList<>();
        withStore(spec, keys, s -> s.forEachEvent(e -> times.add(e.timestamp())));
        long days = daysSinceMid2024();
        Instant earliestCutoff = Instant.now().minus(Duration.ofDays(days));

        Cli purge = Cli.run("privacy", "purge", "--older-than", days + "d", "--store", spec, "--privacy-keys",
                keys.toString());

        Instant latestCutoff = Instant.now().minus(Duration.ofDays(days));
        assertThat(purge.exitCode()).as(purge.err()).isZero();
        long deleted = Long.parseLong(purge.out().replaceAll("(?s)^Deleted ([\\d,]+) events.*", "$1")
                .replace(",", ""));
        // The command's cutoff lies between the two instants; the shop's events are seconds apart at most.
        long atLeast = times.stream().filter(t -> t.isBefore(earliestCutoff)).count();
        long atMost = times.stream().filter(t -> t.isBefore(latestCutoff)).count();
        assertThat(deleted).isBetween(atLeast, atMost).isPositive().isLessThan(times.size());
        assertThat(Long.parseLong(stat(spec, keys, "Events"))).isEqualTo(times.size() - deleted);
        withStore(spec, keys, s -> s.forEachEvent(e -> assertThat(e.timestamp()).isAfterOrEqualTo(earliestCutoff)));
        Cli tooShort = Cli.run("privacy", "purge", "--older-than", "12h", "--store", spec, "--privacy-keys",
                keys.toString());
        assertThat(tooShort.exitCode()).isEqualTo(2);
        assertThat(tooShort.err()).contains("--older-than", "at least 1 day");
    }

    /** An age in whole days that cuts the sample shop's year (2024) about in half. */
    private static long daysSinceMid2024() {
        return Duration.between(LocalDate.of(2024, 7, 1).atStartOfDay().toInstant(ZoneOffset.UTC), Instant.now())
                .toDays();
    }

    @Test
    void exportAndEraseAKnownAndAnUnknownCustomer() {
        Path keys = keygen("--encrypt");
        String spec = importShop(keys);
        String customer = customers.get(3);
        JsonNode export = export(spec, keys, customer);
        assertThat(export.path("customer_id").asText()).isEqualTo(customer);
        assertThat(export.path("pseudonymized").asBoolean()).isTrue();
        assertThat(export.path("profile").isObject()).isTrue();
        LongAdder events = new LongAdder();
        withStore(spec, keys, s -> s.forEachEventOf(customer, e -> events.increment()));
        assertThat(export.path("events").size()).isEqualTo(events.intValue()).isPositive();
        long totalBefore = Long.parseLong(stat(spec, keys, "Events"));

        Cli erase = Cli.run("privacy", "erase", customer, "--store", spec, "--privacy-keys", keys.toString());

        assertThat(erase.exitCode()).as(erase.err()).isZero();
        assertThat(erase.out()).contains("Erased customer " + customer, "profile deleted",
                String.format(Locale.ROOT, "%,d events", events.sum()));
        assertThat(stat(spec, keys, "Customers")).isEqualTo("299");
        assertThat(Long.parseLong(stat(spec, keys, "Events"))).isEqualTo(totalBefore - events.sum());
        for (String command : List.of("export", "erase")) {
            Cli gone = Cli.run("privacy", command, customer, "--store", spec, "--privacy-keys", keys.toString());
            assertThat(gone.exitCode()).as(command).isEqualTo(1);
            assertThat(gone.err()).contains("no customer '" + customer + "'").doesNotContain("\tat ");
            assertThat(gone.out()).isEmpty();
        }
        Cli unknown = Cli.run("privacy", "export", "nobody", "--store", spec, "--privacy-keys", keys.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no customer 'nobody'");
    }

    @Test
    void serveWithRetentionPurgesAndServesCustomersByTheShopsIds() throws Exception {
        Path keys = keygen("--encrypt");
        String spec = importShop(keys);
        long total = Long.parseLong(stat(spec, keys, "Events"));
        long days = daysSinceMid2024();
        Path portFile = tmp.resolve("serve.port");
        AtomicReference<Cli> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(Cli.run("serve", "--store", spec, "--privacy-keys", keys.toString(),
                "--no-auth", "--no-access-log", "--port", "0", "--port-file", portFile.toString(),
                "--retention", days + "d", "--retention-every", "1h")), "tailor-serve-privacy-test");
        t.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(portFile)) {
            assertThat(t.isAlive()).as("serve ended before listening: %s", result.get()).isTrue();
            assertThat(System.nanoTime()).as("serve listening within 2 minutes").isLessThan(deadline);
            Thread.sleep(50);
        }
        URI base = URI.create("http://127.0.0.1:" + Files.readString(portFile).strip());
        // A customer active after the cutoff: events survive the purge and the model set knows them.
        String customer = lastActive(spec, keys);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(base.resolve("/v1/users/" + customer + "/home"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> exported = http.send(HttpRequest.newBuilder(
                base.resolve("/v1/admin/customers/" + customer + "/export")).build(),
                HttpResponse.BodyHandlers.ofString());
        t.interrupt();
        t.join(60_000);
        assertThat(t.isAlive()).as("serve stopped").isFalse();

        Cli serve = result.get();
        assertThat(serve.exitCode()).as(serve.err()).isZero();
        long deleted = Long.parseLong(serve.out().replaceAll("(?s).*Retention: deleted ([\\d,]+) events.*", "$1")
                .replace(",", ""));
        assertThat(deleted).isPositive().isLessThan(total);
        assertThat(serve.out()).contains("retention   events older than " + days + "d deleted every 1h");
        assertThat(Long.parseLong(stat(spec, keys, "Events"))).isEqualTo(total - deleted);
        assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
        assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
        JsonNode doc = JSON.readTree(exported.body());
        assertThat(doc.path("derived").path("in_model_set").asBoolean()).isTrue();
        assertThat(doc.path("stored_as").asText()).isNotEqualTo(customer);
    }

    @Test
    void serveRefusesRetentionOptionsThatMakeNoSense() {
        Cli every = Cli.run("serve", "--no-auth", "--retention-every", "1h", "--store", "h2:mem:retention-1");
        assertThat(every.exitCode()).isEqualTo(2);
        assertThat(every.err()).contains("--retention-every", "--retention AGE");
        Cli hours = Cli.run("serve", "--no-auth", "--retention", "3h", "--store", "h2:mem:retention-2");
        assertThat(hours.exitCode()).isEqualTo(2);
        assertThat(hours.err()).contains("--retention", "at least 1 day");
    }

    @Test
    void postgresRoundTrip() {
        Path keys = keygen("--encrypt");
        String spec = PostgresTestServer.newSchemaSpec();
        try {
            importShop(spec, keys);
            assertThat(stat(spec, keys, "Customers")).isEqualTo("300");
            Cli noKey = Cli.run("stats", "--store", spec);
            assertThat(noKey.exitCode()).isEqualTo(1);
            assertThat(noKey.err()).contains("missing key file?");
            String customer = customers.get(0);
            assertThat(export(spec, keys, customer).path("events").size()).isPositive();
            Cli rotate = Cli.run("privacy", "rotate-key", "--store", spec, "--privacy-keys", keys.toString());
            assertThat(rotate.exitCode()).as(rotate.err()).isZero();
            Cli erase = Cli.run("privacy", "erase", customer, "--store", spec, "--privacy-keys", keys.toString());
            assertThat(erase.exitCode()).as(erase.err()).isZero();
            assertThat(stat(spec, keys, "Customers")).isEqualTo("299");
            assertThat(Cli.run("privacy", "export", customer, "--store", spec, "--privacy-keys", keys.toString())
                    .exitCode()).isEqualTo(1);
        } finally {
            PostgresTestServer.dropSchemaOf(spec);
        }
    }

    private static JsonNode export(String spec, Path keys, String customer) {
        Cli r = Cli.run("privacy", "export", customer, "--store", spec, "--privacy-keys", keys.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        try {
            return JSON.readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError("export printed no JSON: " + r.out(), e);
        }
    }

    /** The export without what depends on when and under which key it ran. */
    private static JsonNode withoutStorage(JsonNode export) {
        ObjectNode o = export.deepCopy();
        o.remove(List.of("stored_as", "exported_at"));
        return o;
    }

    /** A value from {@code tailor stats}, e.g. "Events" -> "12345". */
    private static String stat(String spec, Path keys, String label) {
        Cli r = Cli.run("stats", "--store", spec, "--privacy-keys", keys.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().lines().filter(l -> l.startsWith(label + " ")).findFirst().orElseThrow()
                .substring(label.length()).strip().replace(",", "");
    }

    /** The shop's id of the customer with the latest event. */
    private static String lastActive(String spec, Path keys) {
        AtomicReference<Event> last = new AtomicReference<>();
        withStore(spec, keys, s -> s.forEachEvent(last::set));
        String pseudonym = last.get().userId();
        StorePrivacy privacy = StorePrivacy.load(keys);
        return customers.stream().filter(c -> privacy.pseudonymizer().pseudonym(c).equals(pseudonym)).findFirst()
                .orElseThrow();
    }
}
