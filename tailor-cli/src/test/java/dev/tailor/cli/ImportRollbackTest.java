// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.store.Store;
import dev.tailor.store.jdbc.JdbcStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad row in the middle of a file: all or nothing by default, or skip-and-report within --max-errors. */
class ImportRollbackTest {
    @TempDir
    Path tmp;

    private String spec;
    private Path events;

    @BeforeEach
    void setUp() throws IOException {
        spec = "h2:" + tmp.resolve("store");
        // An earlier, good import: the store's state before the failing one.
        Path first = tmp.resolve("first.csv");
        Files.writeString(first, """
                user_id,item_id,type,timestamp
                u0,i0,view,2026-01-01T00:00:00Z
                """);
        assertThat(Cli.run("import", "csv", "--kind", "events", first.toString(), "--store", spec).exitCode())
                .isZero();
        events = tmp.resolve("events.csv");
        Files.writeString(events, """
                user_id,item_id,type,timestamp
                u1,i1,view,2026-01-01T10:00:00Z
                u1,i2,purchase,1767261600
                u2,i1,add-to-cart,2026-01-02T08:30:00Z
                u2,i3,view,yesterday
                u3,i1,view,1767261600000
                """);
    }

    @Test
    void aBadRowRollsTheWholeImportBackByDefault() {
        Cli r = Cli.run("import", "csv", "--kind", "events", events.toString(), "--store", spec);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("events.csv:5").contains("timestamp").contains("yesterday")
                .contains("Nothing was imported").doesNotContain("Exception");
        try (Store store = JdbcStores.open(spec)) {
            assertThat(store.stats().events()).as("only the earlier import's event").isEqualTo(1);
        }
    }

    @Test
    void withinTheErrorBudgetOnlyTheBadRowIsRejected() {
        Cli r = Cli.run("import", "csv", "--kind", "events", "--max-errors", "1", events.toString(), "--store", spec);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("events.csv:5").contains("field 'timestamp'").contains("Rejected 1 row");
        try (Store store = JdbcStores.open(spec)) {
            assertThat(store.stats().events()).isEqualTo(1 + 4);
            assertThat(store.stats().activeUsers()).isEqualTo(4); // u0..u3; u2's bad row dropped, its cart kept
        }
    }
}
