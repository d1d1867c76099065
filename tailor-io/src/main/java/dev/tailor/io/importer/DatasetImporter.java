// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import java.nio.file.Path;

/**
 * An importer for a published dataset layout (MovieLens, Amazon, Taobao), which needs no column mapping.
 * Registered in {@link DatasetImporters} under {@link #name()}.
 */
public interface DatasetImporter extends Importer {
    /** Stable command-line name, e.g. "ml-100k". */
    String name();

    /** One line for help texts: what it reads and what it produces. */
    String description();

    /**
     * Whether {@code path} looks like this dataset (the expected files are present, or the first line has the
     * expected shape). Reads at most a line; never throws for unreadable or missing paths.
     */
    boolean recognizes(Path path);
}
