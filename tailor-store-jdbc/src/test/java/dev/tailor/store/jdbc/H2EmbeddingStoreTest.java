// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2EmbeddingStoreTest extends EmbeddingStoreContractTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Override
    protected String newSpec() {
        return "h2:mem:embeddings-" + NAMES.incrementAndGet();
    }

    @Test
    void survivesReopeningAFileStore(@TempDir Path dir) {
        String file = "h2:" + dir.resolve("db");
        try (Store s = JdbcStores.open(file)) {
            JdbcStores.embeddings(s).orElseThrow().put("m", Map.of(hash(5), new float[] {0.25f}));
        }
        try (Store s = JdbcStores.open(file)) {
            assertThat(JdbcStores.embeddings(s).orElseThrow().get("m", List.of(hash(5))).get(hash(5)))
                    .containsExactly(0.25f);
        }
    }
}
