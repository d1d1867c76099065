// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.error.ValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The dataset importers by name, and detection of a dataset from its files. */
public final class DatasetImporters {
    private static final List<DatasetImporter> RELEASES = List.of(new MovieLens100kImporter(),
            new MovieLens1mImporter(), new AmazonS3RecImporter(), new AmazonScientificImporter(),
            new TaobaoImporter());
    private static final DatasetImporter MOVIELENS = new MovieLensImporter();

    private DatasetImporters() {
    }

    /**
     * Every importer: ml-100k, ml-1m, amazon-s3rec, amazon-scientific, taobao, and "movielens" (either
     * MovieLens release, detected).
     */
    public static List<DatasetImporter> all() {
        List<DatasetImporter> out = new ArrayList<>(RELEASES);
        out.add(MOVIELENS);
        return List.copyOf(out);
    }

    /** The importer called {@code name} (case-insensitive). */
    public static Optional<DatasetImporter> byName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (DatasetImporter i : all()) {
            if (i.name().equals(n)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * As {@link #byName} but for user input.
     *
     * @throws ValidationException (field "dataset") listing the known names
     */
    public static DatasetImporter require(String name) {
        return byName(name).orElseThrow(() -> ValidationException.of("dataset", "unknown dataset format '" + name
                + "'; expected one of " + String.join(", ", all().stream().map(DatasetImporter::name).toList())));
    }

    /** The first importer that recognises {@code path} (a folder's files or a file's first line). */
    public static Optional<DatasetImporter> detect(Path path) {
        for (DatasetImporter i : RELEASES) {
            if (i.recognizes(path)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
