// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.StoreWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MovieLens 1M (GroupLens, 2003): a folder with {@code movies.dat}, {@code users.dat} and the ratings, all
 * {@code ::}-separated Latin-1. The ratings file is {@code ratings.dat}, {@code ratings.dat.gz}, or else the one
 * file whose name starts with "ratings" (such as the shared partial copy {@code ratings_users1-2999.dat.gz});
 * gzip is read transparently.
 *
 * <p>users.dat codes are decoded per the dataset README: an age code stands for a range, so the customer gets
 * the range's midpoint as {@code age} (Under 18 → 15, 18-24 → 21, 25-34 → 30, 35-44 → 40, 45-49 → 47, 50-55 → 53,
 * 56+ → 60: age-based features and segments then work as for any shop) and the exact range as attribute
 * {@code age_range}; occupation codes become their names (attribute {@code occupation}); the zip code becomes
 * {@code region}. Movies are mapped as in {@link MovieLens}; ratings become RATING events.
 */
public final class MovieLens1mImporter implements DatasetImporter {
    public static final String NAME = "ml-1m";
    private static final String SEP = "::";
    private static final Map<Integer, String> AGE_RANGES = Map.of(1, "Under 18", 18, "18-24", 25, "25-34",
            35, "35-44", 45, "45-49", 50, "50-55", 56, "56+");
    private static final Map<Integer, Integer> AGE_MIDPOINTS = Map.of(1, 15, 18, 21, 25, 30, 35, 40, 45, 47,
            50, 53, 56, 60);
    private static final List<String> OCCUPATIONS = List.of("other", "academic/educator", "artist",
            "clerical/admin", "college/grad student", "customer service", "doctor/health care",
            "executive/managerial", "farmer", "homemaker", "K-12 student", "lawyer", "programmer", "retired",
            "sales/marketing", "scientist", "self-employed", "technician/engineer", "tradesman/craftsman",
            "unemployed", "writer");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "MovieLens 1M folder (ratings.dat[.gz], users.dat, movies.dat; '::' separated): ratings, movies, "
                + "users";
    }

    @Override
    public boolean recognizes(Path path) {
        try {
            return Files.isRegularFile(path.resolve("movies.dat")) && Files.isRegularFile(path.resolve("users.dat"))
                    && ratingsFile(path).isPresent();
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** ratings.dat, ratings.dat.gz, or the single file named ratings*. */
    static Optional<Path> ratingsFile(Path dir) {
        for (String n : List.of("ratings.dat", "ratings.dat.gz")) {
            if (Files.isRegularFile(dir.resolve(n))) {
                return Optional.of(dir.resolve(n));
            }
        }
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "ratings*")) {
            ds.forEach(p -> {
                if (Files.isRegularFile(p)) {
                    candidates.add(p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    @Override
    public ImportReport importInto(Path dir, StoreWriter writer, ImportOptions options, ImportProgress progress) {
        ImportSession session = new ImportSession(dir.toString(), options, progress);
        List<Path> meta = session.requireFiles(dir, "an ml-1m folder", List.of("movies.dat", "users.dat"));
        Optional<Path> found;
        try {
            found = ratingsFile(dir);
        } catch (UncheckedIOException e) {
            throw session.fail("cannot list the folder", new Problem(ImportSession.name(dir), 0, "",
                    e.getCause().toString()));
        }
        Path ratings = found.orElseThrow(() -> session.fail("missing ratings", new Problem(ImportSession.name(dir),
                0, "", "no ratings file in " + dir.toAbsolutePath()
                        + "; expected ratings.dat, ratings.dat.gz or exactly one file named ratings*")));
        RecordSink sink = new RecordSink(writer, options, session);
        return session.run(List.of(meta.get(0), meta.get(1), ratings), () -> {
            session.forEachLine(session.open(meta.get(0), StandardCharsets.ISO_8859_1), line -> {
                String[] f = Values.split(line, SEP, 3, "MovieID::Title::Genres");
                List<String> genres = f[2].isBlank() ? List.of() : List.of(f[2].strip().split("\\|"));
                try {
                    sink.item(MovieLens.movie(f[0], f[1], genres).build());
                } catch (ValidationException e) {
                    throw Values.renamed(e, "id", "MovieID");
                }
            });
            session.forEachLine(session.open(meta.get(1), StandardCharsets.ISO_8859_1),
                    line -> sink.customer(user(line)));
            session.forEachLine(session.open(ratings, StandardCharsets.ISO_8859_1), line -> {
                String[] f = Values.split(line, SEP, 4, "UserID::MovieID::Rating::Timestamp");
                try {
                    sink.event(EventType.RATING, f[0], f[1], Values.parseDouble("Rating", f[2]),
                            Values.epochSecondsToMillis("Timestamp", f[3]));
                } catch (ValidationException e) {
                    throw Values.renamed(Values.renamed(e, "user_id", "UserID"), "item_id", "MovieID");
                }
            });
            sink.flush();
        });
    }

    private static Customer user(String line) {
        String[] f = Values.split(line, SEP, 5, "UserID::Gender::Age::Occupation::Zip-code");
        Gender gender;
        try {
            gender = Gender.parse(f[1]);
        } catch (ValidationException e) {
            throw Values.renamed(e, "gender", "Gender");
        }
        int ageCode = Values.parseInt("Age", f[2]);
        if (!AGE_RANGES.containsKey(ageCode)) {
            throw ValidationException.of("Age", "unknown age code " + ageCode + "; expected one of 1, 18, 25, 35, "
                    + "45, 50, 56 (see the ml-1m README)");
        }
        int occupation = Values.parseInt("Occupation", f[3]);
        if (occupation < 0 || occupation >= OCCUPATIONS.size()) {
            throw ValidationException.of("Occupation", "unknown occupation code " + occupation + "; expected 0.."
                    + (OCCUPATIONS.size() - 1));
        }
        try {
            return new Customer(f[0], AGE_MIDPOINTS.get(ageCode), gender, f[4], null, List.of(),
                    Map.of("age_range", AGE_RANGES.get(ageCode), "occupation", OCCUPATIONS.get(occupation)));
        } catch (ValidationException e) {
            throw Values.renamed(e, "id", "UserID");
        }
    }
}
