// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.StoreWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Amazon "Industrial and Scientific" in the UniSRec/RecBole atomic-file layout: a folder with
 * {@code <Name>.text}, {@code <Name>.item2index}, {@code <Name>.user2index} and {@code <Name>.test.inter}
 * (tab-separated, UTF-8; .text and .inter start with a RecBole header).
 *
 * <p>Items keep their ASIN as id and their real text: the preprocessing wrote {@code "title. categories. brand. "}
 * with the category levels joined by spaces, so the levels cannot be told apart. The text is split at the root
 * category ("Industrial & Scientific") into title, category path [root, rest of the category text] and brand;
 * items without categories read {@code "title. . brand. "}; the raw text is kept as the description. Users keep
 * their reviewer id. Each user's full history is the test row's {@code item_id_list} followed by its
 * {@code item_id}; every item becomes a PURCHASE event (5-core reviews) with a synthetic order-only timestamp
 * (see {@link Sequences}). The .train/.valid files are prefixes of the same histories and are not read.
 */
public final class AmazonScientificImporter implements DatasetImporter {
    public static final String NAME = "amazon-scientific";
    static final String ROOT_CATEGORY = "Industrial & Scientific";
    private static final String TEST_SUFFIX = ".test.inter";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Amazon Scientific UniSRec folder (Scientific.text, .item2index, .user2index, .test.inter): "
                + "items with real titles, ordered purchases";
    }

    @Override
    public boolean recognizes(Path path) {
        return datasetName(path).filter(n -> Files.isRegularFile(path.resolve(n + ".text"))
                && Files.isRegularFile(path.resolve(n + ".item2index"))
                && Files.isRegularFile(path.resolve(n + ".user2index"))).isPresent();
    }

    /** "Scientific" when the folder holds exactly one {@code *.test.inter}. */
    private static Optional<String> datasetName(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + TEST_SUFFIX)) {
            ds.forEach(p -> names.add(ImportSession.name(p)));
        } catch (IOException e) {
            return Optional.empty();
        }
        return names.size() == 1
                ? Optional.of(names.get(0).substring(0, names.get(0).length() - TEST_SUFFIX.length()))
                : Optional.empty();
    }

    @Override
    public ImportReport importInto(Path dir, StoreWriter writer, ImportOptions options, ImportProgress progress) {
        ImportSession session = new ImportSession(dir.toString(), options, progress);
        String name = datasetName(dir).orElse("Scientific");
        List<Path> files = session.requireFiles(dir, "an Amazon UniSRec folder", List.of(name + ".item2index",
                name + ".user2index", name + ".text", name + TEST_SUFFIX));
        RecordSink sink = new RecordSink(writer, options, session);
        return session.run(files, () -> {
            List<String> items = index(session, files.get(0), "item_id");
            List<String> users = index(session, files.get(1), "user_id");
            readItems(session, files.get(2), sink);
            readHistories(session, files.get(3), items, users, sink);
            sink.flush();
        });
    }

    /** Reads {@code ASIN<TAB>text} lines after an optional RecBole header. */
    private static void readItems(ImportSession session, Path file, RecordSink sink) {
        session.forEachLine(session.open(file, StandardCharsets.UTF_8), first -> first.startsWith("item_id:"),
                line -> {
                    String[] f = Values.split(line, '\t', 2, "item_id<TAB>text");
                    try {
                        sink.item(item(f[0], f[1]));
                    } catch (ValidationException e) {
                        throw Values.renamed(Values.renamed(e, "id", "item_id"), "title", "text");
                    }
                });
    }

    /** Reads {@code rawId<TAB>index} lines into a list indexed by the dense index. */
    private static List<String> index(ImportSession session, Path file, String field) {
        List<String> byIndex = new ArrayList<>();
        session.forEachLine(session.open(file, StandardCharsets.UTF_8), line -> {
            String[] f = Values.split(line, '\t', 2, field + "<TAB>index");
            int i = Values.parseInt("index", f[1]);
            if (i != byIndex.size()) {
                throw ValidationException.of("index", "expected index " + byIndex.size()
                        + " (indices must count up from 0), was " + i);
            }
            byIndex.add(f[0].strip());
        });
        return byIndex;
    }

    private static void readHistories(ImportSession session, Path file, List<String> items, List<String> users,
            RecordSink sink) {
        int[] columns = {-1, -1, -1};
        session.forEachLine(session.open(file, StandardCharsets.UTF_8), first -> header(first, columns), line -> {
            String[] f = Values.split(line, '\t', 3, "user_id<TAB>item_id_list<TAB>item_id");
            String user = lookup(users, "user_id", f[columns[0]]);
            List<String> history = Values.tokens(f[columns[1]], ' ');
            List<String> sequence = new ArrayList<>(history.size() + 1);
            for (String token : history) {
                sequence.add(lookup(items, "item_id_list", token));
            }
            sequence.add(lookup(items, "item_id", f[columns[2]]));
            for (int k = 0; k < sequence.size(); k++) {
                sink.event(EventType.PURCHASE, user, sequence.get(k), 1.0, Sequences.timestamp(k));
            }
        });
    }

    /** Finds the RecBole columns by name; the header is the first line, e.g. "user_id:token  item_id_list:...". */
    private static boolean header(String line, int[] columns) {
        String[] names = line.split("\t");
        for (int c = 0; c < names.length; c++) {
            String n = names[c].strip();
            int colon = n.indexOf(':');
            String base = colon < 0 ? n : n.substring(0, colon);
            switch (base) {
                case "user_id" -> columns[0] = c;
                case "item_id_list" -> columns[1] = c;
                case "item_id" -> columns[2] = c;
                default -> {
                    // Other RecBole columns carry nothing this importer uses.
                }
            }
        }
        if (columns[0] < 0 || columns[1] < 0 || columns[2] < 0 || names.length != 3) {
            throw ValidationException.of("", "expected the RecBole header "
                    + "user_id:token<TAB>item_id_list:token_seq<TAB>item_id:token, was '" + line + "'");
        }
        return true;
    }

    private static String lookup(List<String> ids, String field, String token) {
        int i = Values.parseInt(field, token);
        if (i < 0 || i >= ids.size()) {
            throw ValidationException.of(field, "index " + i + " is not in the index file (0.." + (ids.size() - 1)
                    + ")");
        }
        return ids.get(i);
    }

    /** Splits "title. categories. brand. " as described in the class comment. */
    static Item item(String asin, String rawText) {
        String text = rawText.strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        String title;
        String categories = "";
        String brand;
        int root = text.lastIndexOf(". " + ROOT_CATEGORY);
        int empty = text.lastIndexOf(". . ");
        if (root >= 0) {
            title = text.substring(0, root);
            String rest = text.substring(root + 2);
            int end = rest.indexOf(". ");
            categories = end < 0 ? rest : rest.substring(0, end);
            brand = end < 0 ? "" : rest.substring(end + 2);
        } else if (empty >= 0) {
            title = text.substring(0, empty);
            brand = text.substring(empty + 4);
        } else {
            title = text;
            brand = "";
        }
        List<String> path = new ArrayList<>(2);
        if (!categories.isBlank()) {
            path.add(ROOT_CATEGORY);
            String sub = categories.substring(ROOT_CATEGORY.length()).strip();
            if (!sub.isEmpty()) {
                path.add(sub);
            }
        }
        return Item.builder(asin, title)
                .description(rawText)
                .categoryPath(path)
                .brand(brand)
                .language("en")
                .build();
    }
}
