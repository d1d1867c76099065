// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

/**
 * Receives an import's progress, e.g. to drive a console progress bar. Progress is measured in bytes of the
 * input files (compressed bytes for gzip), because the byte total is known before reading while the row total
 * is not; bars are therefore bounded. Called on the importing thread, every few thousand rows and at the end of
 * each file, so implementations should be cheap.
 */
@FunctionalInterface
public interface ImportProgress {
    /** Ignores progress. */
    ImportProgress NONE = (bytesRead, rowsRead) -> { };

    /** Called once before reading, with the summed size of every file the import will read. */
    default void begin(long totalBytes) {
    }

    /**
     * Running totals since the import began (not increments).
     *
     * @param bytesRead bytes consumed so far, at most the {@code totalBytes} given to {@link #begin}
     * @param rowsRead rows (lines or records) read so far, including rejected ones
     */
    void advance(long bytesRead, long rowsRead);
}
