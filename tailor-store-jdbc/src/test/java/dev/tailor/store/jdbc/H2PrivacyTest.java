// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;

/** The privacy contract on embedded H2, file mode (tests reopen the store, which an in-memory one would lose). */
class H2PrivacyTest extends PrivacyContractTest {
    private Path dir;

    @Override
    protected String newSpec() {
        try {
            dir = Files.createTempDirectory("tailor-privacy");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "h2:" + dir;
    }

    @AfterEach
    void deleteFiles() throws IOException {
        closeAll();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
