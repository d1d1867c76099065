// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.io.sampleshop.SampleShopGenerator;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void tourShowsStatsSnapshotCustomersBaselinesAndEndsWithACheckedServer() {
        Path dir = tmp.resolve("demo");
        Cli first = Cli.run("demo", "--items", "400", "--customers", "600", "--dir", dir.toString(), "--smoke");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Items        400", "Customers    600", "young-adults", "parents",
                "retirees", "bytes/event", "fingerprint");
        // Step 5: the four baselines, each with NDCG@10 and HR@10 as mean ± CI, and the test against popularity.
        String baselines = first.out().substring(first.out().indexOf("== 5. Baselines on held-out behaviour"));
        for (String model : List.of("pop", "segment-pop", "item-knn", "user-knn", "als")) {
            assertThat(baselines).containsPattern("(?m)^  " + model + " +0\\.\\d{4} ± 0\\.\\d{4} +0\\.\\d{4} ± 0\\.\\d{4}$");
        }
        assertThat(baselines).contains("last events hidden", "beats pop on NDCG@10", "Wilcoxon p",
                "./tailor evaluate --data store:h2:" + dir);
        // Step 6: the language model encodes every item and finds the nearest items of a brand-new dress by text.
        String model = first.out().substring(first.out().indexOf("== 6. A language model reads the catalog"),
                first.out().indexOf("== 7."));
        assertThat(model).containsPattern("400 item texts \\(\\d+ Chinese -> bge-small-zh, \\d+ English -> MiniLM\\) "
                + "encoded in [0-9.]+ s").contains("A brand-new item", DemoCommand.NEW_ITEM.title());
        assertThat(model).containsPattern("(?m)^  0\\.\\d{3}  \\S+ +.*\\[Fashion > Dresses\\]$");
        // Step 7: the server over the demo store, real requests checked (a Chinese search, an item page, a view
        // and the homepage that follows it, the new item's similar items by text), then a graceful stop.
        String serving = first.out().substring(first.out().indexOf("== 7. The HTTP API over the demo store"));
        assertThat(serving).containsPattern("Tailor is serving http://127\\.0\\.0\\.1:\\d+")
                .contains("/docs", "authentication is off", "GET /health -> 200", "Matches \u201c手机壳\u201d",
                        "/similar?k=5", "POST /v1/events", "Because you viewed", "curl -s",
                        "POST /v1/items {\"id\":\"i-new-0001\"", "/v1/items/i-new-0001/similar?k=5 -> 200",
                        "Smoke check passed; server stopped.");
        assertThat(first.err()).doesNotContain("smoke check failed");
        // Reruns start from a fresh store and, the shop being deterministic, print the same tour.
        Cli second = Cli.run("demo", "--items", "400", "--customers", "600", "--dir", dir.toString(), "--no-serve");
        assertThat(second.exitCode()).as(second.err()).isZero();
        String tour = first.out().substring(0, first.out().indexOf("== 7.")).replaceAll("in [0-9.]+ s.*", "");
        assertThat(second.out().replaceAll("in [0-9.]+ s.*", "")).startsWith(tour).doesNotContain("== 7.")
                .contains("Next: './tailor stats");
        // Without a key file the store holds the shop's ids, and the scan of the next test sees them.
        assertThat(StoreScan.find(dir, shopIds(600))).anySatisfy(h -> assertThat(h).startsWith("CUSTOMERS.ID"))
                .anySatisfy(h -> assertThat(h).startsWith("EVENTS.USER_ID"));
    }

    @Test
    void withPrivacyKeysTheDemoStoreHoldsNoRawCustomerIdAndTheTourStillUsesTheShopsIds() {
        Path keys = tmp.resolve("keys.properties");
        Cli keygen = Cli.run("privacy", "keygen", "--out", keys.toString(), "--encrypt");
        assertThat(keygen.exitCode()).as(keygen.err()).isZero();
        Path dir = tmp.resolve("private-demo");

        Cli demo = Cli.run("demo", "--items", "400", "--customers", "600", "--dir", dir.toString(),
                "--privacy-keys", keys.toString(), "--smoke");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("Customer ids are stored as keyed pseudonyms", "--privacy-keys " + keys,
                "Customers    600", "Smoke check passed; server stopped.");
        // The tour and the requests name customers by the shop's ids, which the server pseudonymizes itself: a
        // homepage asked for a stored pseudonym would find nobody and have no "Because you viewed" row.
        assertThat(demo.out()).containsPattern("— customer u\\d{7}, ").contains("Because you viewed",
                "/v1/users/u");
        assertThat(demo.err()).doesNotContain("smoke check failed");
        // The same customers as without keys: the tour does not depend on the key (nor does the smoke check).
        Cli plain = Cli.run("demo", "--items", "400", "--customers", "600", "--dir", tmp.resolve("plain").toString(),
                "--no-serve");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(section(demo.out(), "== 4.", "== 5.")).isEqualTo(section(plain.out(), "== 4.", "== 5."));
        assertThat(StoreScan.find(dir, shopIds(600))).isEmpty();
        Cli stats = Cli.run("stats", "--store", "h2:" + dir, "--privacy-keys", keys.toString());
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("Customers    600");
        assertThat(Cli.run("stats", "--store", "h2:" + dir).exitCode()).isEqualTo(1);
    }

    @Test
    void helpNamesThePrivacyKeysOption() {
        assertThat(Cli.run("demo", "--help").out()).contains("--privacy-keys", "docs/privacy.md");
    }

    private static String section(String out, String from, String to) {
        return out.substring(out.indexOf(from), out.indexOf(to));
    }

    private static Set<String> shopIds(int customers) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < customers; i++) {
            ids.add(SampleShopGenerator.customerId(i));
        }
        return ids;
    }

    @Test
    void smokeAndNoServeExcludeEachOther() {
        Cli cli = Cli.run("demo", "--smoke", "--no-serve", "--dir", tmp.resolve("x").toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--smoke").contains("--no-serve");
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}
