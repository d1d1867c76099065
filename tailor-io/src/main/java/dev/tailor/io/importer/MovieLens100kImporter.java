// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.StoreWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MovieLens 100K (GroupLens, 1998): a folder with {@code u.genre}, {@code u.item}, {@code u.user} and
 * {@code u.data}, all Latin-1. Ratings become {@link EventType#RATING} events whose value is the stars; users
 * become customers (age, gender, region = zip code, attribute occupation); movies become items (title, release
 * date as {@code createdAt}, IMDb URL and year as attributes, genres as described in {@link MovieLens}; the
 * "unknown" genre flag means no genre and is dropped). See docs/import-formats.md.
 */
public final class MovieLens100kImporter implements DatasetImporter {
    public static final String NAME = "ml-100k";
    private static final List<String> FILES = List.of("u.genre", "u.item", "u.user", "u.data");
    private static final String UNKNOWN_GENRE = "unknown";
    private static final DateTimeFormatter RELEASE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "MovieLens 100K folder (u.data, u.item, u.user, u.genre): ratings, movies, users";
    }

    @Override
    public boolean recognizes(Path path) {
        return Files.isRegularFile(path.resolve("u.data")) && Files.isRegularFile(path.resolve("u.item"))
                && Files.isRegularFile(path.resolve("u.user"));
    }

    @Override
    public ImportReport importInto(Path dir, StoreWriter writer, ImportOptions options, ImportProgress progress) {
        ImportSession session = new ImportSession(dir.toString(), options, progress);
        List<Path> files = session.requireFiles(dir, "an ml-100k folder", FILES);
        RecordSink sink = new RecordSink(writer, options, session);
        return session.run(files, () -> {
            List<String> genres = new ArrayList<>();
            session.forEachLine(session.open(files.get(0), StandardCharsets.ISO_8859_1), line -> genre(line, genres));
            String itemLayout = "movie_id|title|release_date|video_release_date|imdb_url|" + genres.size()
                    + " genre flags";
            session.forEachLine(session.open(files.get(1), StandardCharsets.ISO_8859_1),
                    line -> sink.item(movie(Values.split(line, '|', 5 + genres.size(), itemLayout), genres)));
            session.forEachLine(session.open(files.get(2), StandardCharsets.ISO_8859_1),
                    line -> sink.customer(user(line)));
            session.forEachLine(session.open(files.get(3), StandardCharsets.ISO_8859_1), line -> {
                String[] f = Values.split(line, '\t', 4, "user_id item_id rating timestamp");
                sink.event(EventType.RATING, f[0], f[1], Values.parseDouble("rating", f[2]),
                        Values.epochSecondsToMillis("timestamp", f[3]));
            });
            sink.flush();
        });
    }

    /** {@code name|index}; indices must be 0, 1, 2, ... in order because u.item's flags are positional. */
    private static void genre(String line, List<String> genres) {
        String[] f = Values.split(line, '|', 2, "genre|index");
        int index = Values.parseInt("index", f[1]);
        if (index != genres.size()) {
            throw ValidationException.of("index", "expected genre index " + genres.size() + ", was " + index);
        }
        genres.add(f[0].strip());
    }

    private static Item movie(String[] f, List<String> genres) {
        List<String> flagged = new ArrayList<>(3);
        for (int g = 0; g < genres.size(); g++) {
            String flag = f[5 + g].strip();
            if (flag.equals("1")) {
                if (!genres.get(g).equals(UNKNOWN_GENRE)) {
                    flagged.add(genres.get(g));
                }
            } else if (!flag.equals("0")) {
                throw ValidationException.of(genres.get(g), "expected genre flag 0 or 1, was '" + f[5 + g] + "'");
            }
        }
        Item.Builder b = MovieLens.movie(f[0], f[1], flagged);
        b.attribute("imdb_url", f[4]);
        String release = f[2].strip();
        if (!release.isEmpty()) {
            try {
                b.createdAt(LocalDate.parse(release, RELEASE).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                throw ValidationException.of("release_date", "expected a date like 01-Jan-1995, was '" + f[2] + "'");
            }
        }
        try {
            return b.build();
        } catch (ValidationException e) {
            throw Values.renamed(e, "id", "movie_id");
        }
    }

    private static Customer user(String line) {
        String[] f = Values.split(line, '|', 5, "user_id|age|gender|occupation|zip_code");
        int age = Values.parseInt("age", f[1]);
        Gender gender = Gender.parse(f[2]);
        try {
            return new Customer(f[0], age, gender, f[4], null, List.of(), Map.of("occupation", f[3]));
        } catch (ValidationException e) {
            throw Values.renamed(e, "id", "user_id");
        }
    }
}
