// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.store.StoreWriter;
import java.nio.file.Path;

/**
 * Reads a file or folder, streaming, validates every row into domain records and writes them in batches to a
 * {@link StoreWriter}: a store's transaction ({@code store.write(w -> importer.importInto(path, w, ...))}) or a
 * {@link dev.tailor.core.data.SnapshotBuilder} for in-memory evaluation. Implementations are immutable and
 * thread-safe; one call uses one thread.
 */
public interface Importer {
    /**
     * Imports {@code source} into {@code writer}.
     *
     * @return what was read, written and rejected
     * @throws ImportFailedException when the input is unusable (missing file or column, bad header) or more
     *     rows were rejected than {@code options.maxErrors()} allows; whatever was already written is then the
     *     caller's to roll back
     */
    ImportReport importInto(Path source, StoreWriter writer, ImportOptions options, ImportProgress progress);

    /** Strict import without progress reporting. */
    default ImportReport importInto(Path source, StoreWriter writer) {
        return importInto(source, writer, ImportOptions.defaults(), ImportProgress.NONE);
    }
}
