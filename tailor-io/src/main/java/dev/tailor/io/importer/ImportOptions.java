// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

/**
 * How strict and how chunked an import is.
 *
 * @param maxErrors how many rows may be rejected before the import stops with an
 *     {@link ImportFailedException}; 0 (the default) makes any bad row fatal, so that a caller writing inside
 *     {@code Store.write} keeps all of a file or none of it. Rejected rows within the budget are skipped and
 *     listed in the {@link ImportReport}.
 * @param batchSize records handed to the {@code StoreWriter} per call (default 10,000): large enough to
 *     amortise a database round trip, small enough to bound the memory an import holds
 * @param maxProblems how many individual problems the report keeps (default 20); all rejected rows are still
 *     counted
 */
public record ImportOptions(int maxErrors, int batchSize, int maxProblems) {
    public static final int DEFAULT_BATCH_SIZE = 10_000;
    public static final int DEFAULT_MAX_PROBLEMS = 20;

    public ImportOptions {
        if (maxErrors < 0) {
            throw new IllegalArgumentException("maxErrors must be >= 0, was " + maxErrors);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        if (maxProblems < 0) {
            throw new IllegalArgumentException("maxProblems must be >= 0, was " + maxProblems);
        }
    }

    /** Strict: no bad rows allowed, batches of 10,000, 20 problems kept. */
    public static ImportOptions defaults() {
        return new ImportOptions(0, DEFAULT_BATCH_SIZE, DEFAULT_MAX_PROBLEMS);
    }

    public ImportOptions withMaxErrors(int value) {
        return new ImportOptions(value, batchSize, maxProblems);
    }

    public ImportOptions withBatchSize(int value) {
        return new ImportOptions(maxErrors, value, maxProblems);
    }

    public ImportOptions withMaxProblems(int value) {
        return new ImportOptions(maxErrors, batchSize, value);
    }
}
