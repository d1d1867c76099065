// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.store.ArchivedModel;
import dev.tailor.core.store.Store;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive contract on embedded H2 in memory, and an entry surviving a reopen of an H2 file store. */
class H2ModelArchiveTest extends ModelArchiveContractTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Override
    protected String newSpec() {
        return "h2:mem:archive-" + NAMES.incrementAndGet();
    }

    @Test
    void entriesSurviveReopeningAFileStore(@TempDir Path dir) {
        byte[] blob = bytes(LARGE, 11);
        long id;
        try (Store s = JdbcStores.open("h2:" + dir)) {
            id = save(s.modelArchive().orElseThrow(), "model-set", Map.of("k", "v"), blob).id();
        }
        try (Store s = JdbcStores.open("h2:" + dir)) {
            ArchivedModel latest = s.modelArchive().orElseThrow().latest("model-set").orElseThrow();
            assertThat(latest.id()).isEqualTo(id);
            assertThat(latest.metadata()).containsEntry("k", "v");
            assertThat(readAll(s.modelArchive().orElseThrow(), latest)).isEqualTo(blob);
        }
    }
}
