// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.domain.Event;
import dev.tailor.core.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on embedded H2 in file mode, the default backend. */
class H2FileStoreTest extends StoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected String newSpec() {
        return "h2:" + dir.resolve("data");
    }

    @Override
    protected boolean persistent() {
        return true;
    }

    @Test
    void closingAfterALargeWriteCompactsTheFileAndKeepsTheData() throws Exception {
        store.close();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            events.add(view("u" + (i * 7919 % 1000), "i" + (i % 300), i));
        }
        // The same write closed without compaction is the yardstick: sizes read while the store is open are not,
        // because H2 writes its chunks in the background.
        long plain = sizeAfterWritingAndClosing("h2:" + dir.resolve("plain"), dir.resolve("plain"), events,
                Long.MAX_VALUE);
        // Threshold 0: any growth compacts, so a small test import exercises the path big imports take.
        long compacted = sizeAfterWritingAndClosing(spec, dir.resolve("data"), events, 0);

        assertThat(compacted).isLessThanOrEqualTo(plain);
        assertThat(dir.resolve("data")).isDirectoryNotContaining("glob:**.trace.db");
        store = JdbcStores.open(spec);
        assertThat(allEvents(store)).isEqualTo(events);
    }

    private static long sizeAfterWritingAndClosing(String storeSpec, Path data, List<Event> events, long threshold)
            throws java.io.IOException {
        try (Store s = JdbcStores.open(storeSpec, name -> null, threshold)) {
            s.write(w -> w.appendEvents(events));
        }
        return Files.size(data.resolve(StoreSpec.H2_FILE_NAME + ".mv.db"));
    }

    @Test
    void keepsItsDatabaseInTheDataDirectory() {
        assertThat(dir.resolve("data").resolve(StoreSpec.H2_FILE_NAME + ".mv.db")).isRegularFile();
        assertThat(store.describe()).isEqualTo("H2 at " + dir.resolve("data"));
    }
}
