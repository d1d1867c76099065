// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real datasets in {@code ../shared/data} (or wherever the {@code tailor.data.dir} system property
 * or the {@code TAILOR_DATA_DIR} environment variable points). Tests that need one call {@link #require}; when
 * the folder is absent the test is skipped with a reason that names the missing path, never silently passed.
 */
public final class SharedData {
    private SharedData() {
    }

    /** Root of the shared datasets, whether or not it exists. */
    public static Path root() {
        String dir = System.getProperty("tailor.data.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("TAILOR_DATA_DIR");
        }
        if (dir == null || dir.isBlank()) {
            dir = "../shared/data";
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** The dataset folder (e.g. "ml-100k"); skips the calling test when it is missing. */
    public static Path require(String folder) {
        Path p = root().resolve(folder);
        assumeTrue(Files.isDirectory(p), () -> "SKIPPED: real dataset '" + folder + "' not found at " + p
                + " (set -Dtailor.data.dir or TAILOR_DATA_DIR to the shared data folder)");
        return p;
    }
}
