// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.error.Problem;
import dev.tailor.core.store.StoreWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * "movielens": whichever MovieLens release the folder holds (100K or 1M), so that {@code tailor import movielens
 * <dir>} needs no version.
 */
public final class MovieLensImporter implements DatasetImporter {
    public static final String NAME = "movielens";
    private final List<DatasetImporter> releases = List.of(new MovieLens100kImporter(), new MovieLens1mImporter());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "MovieLens folder of either release (ml-100k or ml-1m), detected from its files";
    }

    @Override
    public boolean recognizes(Path path) {
        return releases.stream().anyMatch(r -> r.recognizes(path));
    }

    @Override
    public ImportReport importInto(Path dir, StoreWriter writer, ImportOptions options, ImportProgress progress) {
        for (DatasetImporter r : releases) {
            if (r.recognizes(dir)) {
                return r.importInto(dir, writer, options, progress);
            }
        }
        throw new ImportSession(dir.toString(), options, progress).fail("not a MovieLens folder",
                new Problem(ImportSession.name(dir), 0, "", dir.toAbsolutePath() + " holds neither MovieLens 100K "
                        + "(u.data, u.item, u.user, u.genre) nor MovieLens 1M (ratings.dat[.gz], users.dat, "
                        + "movies.dat)"));
    }
}
