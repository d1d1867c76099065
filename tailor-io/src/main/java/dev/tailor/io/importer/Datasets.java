// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.error.TailorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line from a dataset to a {@link Snapshot}, for evaluation code and benchmarks:
 * {@code Snapshot s = Datasets.load("ml-100k");}. Known names resolve against the shared data folder
 * ({@link #dataDir()}); anything else is taken as a path and its format detected. Imports are strict (any bad
 * row fails) and stream into a {@link SnapshotBuilder}, so nothing but the snapshot stays in memory.
 */
public final class Datasets {
    /** System property naming the shared data folder. */
    public static final String DATA_DIR_PROPERTY = "tailor.data.dir";
    /** Environment variable naming the shared data folder, when the property is not set. */
    public static final String DATA_DIR_ENV = "TAILOR_DATA_DIR";
    private static final Logger LOG = LoggerFactory.getLogger(Datasets.class);

    private record Known(String path, DatasetImporter importer) {
    }

    private static final Map<String, Known> KNOWN = Map.of(
            "ml-100k", new Known("ml-100k", new MovieLens100kImporter()),
            "ml-1m-partial", new Known("ml-1m-partial", new MovieLens1mImporter()),
            "amazon-beauty", new Known("amazon-s3rec/Beauty.txt", new AmazonS3RecImporter()),
            "amazon-sports", new Known("amazon-s3rec/Sports_and_Outdoors.txt", new AmazonS3RecImporter()),
            "amazon-scientific", new Known("amazon-scientific", new AmazonScientificImporter()),
            "taobao-sample", new Known("taobao-userbehavior-sample/UserBehavior.csv", new TaobaoImporter()));

    private Datasets() {
    }

    /** The names {@link #load} resolves: ml-100k, ml-1m-partial, amazon-beauty, amazon-sports, ... */
    public static List<String> names() {
        return KNOWN.keySet().stream().sorted().toList();
    }

    /**
     * The shared data folder: system property {@value #DATA_DIR_PROPERTY}, else environment variable
     * {@value #DATA_DIR_ENV}, else {@code ../shared/data} relative to the working directory.
     */
    public static Path dataDir() {
        String dir = System.getProperty(DATA_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(DATA_DIR_ENV);
        }
        if (dir == null || dir.isBlank()) {
            dir = "../shared/data";
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /**
     * Loads a known dataset by name, or a dataset file or folder by path (format detected).
     *
     * @throws TailorException when the name is unknown and no such path exists, when a known dataset is not in
     *     the data folder, or when the format cannot be detected
     * @throws ImportFailedException when the data has a bad row
     */
    public static Snapshot load(String nameOrPath) {
        Known known = KNOWN.get(nameOrPath);
        if (known != null) {
            Path p = dataDir().resolve(known.path());
            if (!Files.exists(p)) {
                throw new TailorException("dataset '" + nameOrPath + "' not found at " + p + "; set -D"
                        + DATA_DIR_PROPERTY + " or " + DATA_DIR_ENV + " to the shared data folder");
            }
            return load(nameOrPath, p, known.importer());
        }
        Path p = Path.of(nameOrPath);
        if (!Files.exists(p)) {
            throw new TailorException("'" + nameOrPath + "' is neither a known dataset (" + String.join(", ",
                    names()) + ") nor an existing file or folder");
        }
        DatasetImporter importer = DatasetImporters.detect(p).orElseThrow(() -> new TailorException(
                "cannot tell which dataset " + p.toAbsolutePath() + " is; known formats: " + String.join(", ",
                        DatasetImporters.all().stream().map(DatasetImporter::name).toList())));
        return load(ImportSession.name(p), p, importer);
    }

    private static Snapshot load(String name, Path path, DatasetImporter importer) {
        SnapshotBuilder builder = new SnapshotBuilder(name);
        ImportReport report = importer.importInto(path, builder);
        LOG.info("{}", report.summary());
        return builder.build();
    }
}
