// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
    void keepsItsDatabaseInTheDataDirectory() {
        assertThat(dir.resolve("data").resolve(StoreSpec.H2_FILE_NAME + ".mv.db")).isRegularFile();
        assertThat(store.describe()).isEqualTo("H2 at " + dir.resolve("data"));
    }
}
