// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.testing;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.domain.Item;
import dev.tailor.core.testing.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Minimal readers of the shared real datasets for the evaluation tests (the io module's importers are the
 * product path; these exist so the harness can be checked on real data without depending on their progress).
 * Each skips the calling test when the data is absent.
 */
public final class RealData {
    private static final long DAY_MS = 86_400_000L;

    private RealData() {
    }

    /** MovieLens 100K: ratings as RATING events (value = stars), users with age/gender/occupation, genres. */
    public static Snapshot movieLens100k() {
        Path dir = SharedData.require("ml-100k");
        SnapshotBuilder b = new SnapshotBuilder("ml-100k");
        List<String> genres = new ArrayList<>();
        for (String line : lines(dir.resolve("u.genre"), StandardCharsets.ISO_8859_1)) {
            if (!line.isBlank()) {
                genres.add(line.split("\\|")[0]);
            }
        }
        List<Item> items = new ArrayList<>();
        for (String line : lines(dir.resolve("u.item"), StandardCharsets.ISO_8859_1)) {
            String[] f = line.split("\\|", -1);
            if (f.length < 24) {
                continue;
            }
            String genre = "unknown";
            for (int g = 0; g < 19; g++) {
                if (f[5 + g].equals("1")) {
                    genre = genres.get(g);
                    break;
                }
            }
            String title = f[1].isBlank() ? "movie " + f[0] : f[1];
            items.add(new Item(f[0], title, "", List.of(genre), null, null, Map.of(), List.of(), true, null, "en",
                    Map.of()));
        }
        b.upsertItems(items);
        List<Customer> customers = new ArrayList<>();
        for (String line : lines(dir.resolve("u.user"), StandardCharsets.ISO_8859_1)) {
            String[] f = line.split("\\|", -1);
            if (f.length < 5) {
                continue;
            }
            customers.add(new Customer(f[0], Integer.parseInt(f[1]), Gender.parse(f[2]), f[4], null, List.of(f[3]),
                    Map.of()));
        }
        b.upsertCustomers(customers);
        for (String line : lines(dir.resolve("u.data"), StandardCharsets.ISO_8859_1)) {
            String[] f = line.split("\t");
            if (f.length == 4) {
                b.addEvent(f[0], f[1], EventType.RATING.ordinal(), Float.parseFloat(f[2]),
                        Long.parseLong(f[3]) * 1000L);
            }
        }
        return b.build();
    }

    /**
     * An S3-Rec/ICLRec sequence file ("Beauty" or "Sports_and_Outdoors"): one purchase per item, timestamps
     * synthesized from the position (day i of the user's sequence) so the order is the file's.
     */
    public static Snapshot amazonS3Rec(String name) {
        Path file = SharedData.require("amazon-s3rec").resolve(name + ".txt");
        SnapshotBuilder b = new SnapshotBuilder("amazon-" + name);
        for (String line : lines(file, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split(" ");
            for (int i = 1; i < f.length; i++) {
                b.addEvent(f[0], f[i], EventType.PURCHASE.ordinal(), 1f, i * DAY_MS);
            }
        }
        return b.build();
    }

    /** Amazon Scientific (UniSRec): each user's full sequence is the test row's history plus its target. */
    public static Snapshot amazonScientific() {
        Path file = SharedData.require("amazon-scientific").resolve("Scientific.test.inter");
        SnapshotBuilder b = new SnapshotBuilder("amazon-scientific");
        boolean header = true;
        for (String line : lines(file, StandardCharsets.UTF_8)) {
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split("\t");
            String[] hist = f[1].trim().split(" ");
            int pos = 1;
            for (String item : hist) {
                b.addEvent(f[0], item, EventType.PURCHASE.ordinal(), 1f, pos++ * DAY_MS);
            }
            b.addEvent(f[0], f[2].trim(), EventType.PURCHASE.ordinal(), 1f, pos * DAY_MS);
        }
        return b.build();
    }

    private static List<String> lines(Path p, java.nio.charset.Charset cs) {
        try (BufferedReader r = Files.newBufferedReader(p, cs)) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
