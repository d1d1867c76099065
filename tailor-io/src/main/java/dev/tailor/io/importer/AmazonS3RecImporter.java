// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Ids;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.Problem;
import dev.tailor.core.store.StoreWriter;
import dev.tailor.io.importer.text.MalformedTextException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The S3-Rec / ICLRec Amazon sequence files ({@code Beauty.txt}, {@code Sports_and_Outdoors.txt}): one line per
 * user, {@code user item1 item2 ...}, items in time order, ids dense integers.
 *
 * <p>Each item of a line becomes a {@link EventType#PURCHASE} event (the data are 5-core product reviews, and a
 * review implies a purchase) with value 1 and a synthetic order-only timestamp (see {@link Sequences}). The
 * files hold no item text, so each item is written once with the placeholder title "{collection} item {id}" and
 * the category path [{collection}], where the collection is the file name with underscores as spaces
 * ("Sports and Outdoors"). Users get no customer profile (none exists).
 */
public final class AmazonS3RecImporter implements DatasetImporter {
    public static final String NAME = "amazon-s3rec";
    private static final Pattern SEQUENCE_LINE = Pattern.compile("\\d+( \\d+)+\\s*");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Amazon S3-Rec sequence file (e.g. Beauty.txt: 'user item1 item2 ...'): purchases in order, "
                + "placeholder item titles";
    }

    @Override
    public boolean recognizes(Path path) {
        return Sequences.firstLine(path).filter(l -> SEQUENCE_LINE.matcher(l).matches()).isPresent();
    }

    /** "Sports_and_Outdoors.txt" becomes "Sports and Outdoors". */
    static String collection(Path file) {
        String name = ImportSession.name(file);
        int dot = name.indexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replace('_', ' ').strip();
    }

    @Override
    public ImportReport importInto(Path file, StoreWriter writer, ImportOptions options, ImportProgress progress) {
        ImportSession session = new ImportSession(file.toString(), options, progress);
        RecordSink sink = new RecordSink(writer, options, session);
        String collection = collection(file);
        Set<String> written = new HashSet<>();
        return session.run(List.of(file), () -> {
            session.forEachLine(session.open(file, StandardCharsets.UTF_8), line -> {
                List<String> ids = Values.tokens(line.replace('\t', ' '), ' ');
                if (ids.size() < 2) {
                    throw new MalformedTextException(MalformedTextException.Kind.FIELD_COUNT, Problem.of("",
                            "expected a user id followed by at least one item id, separated by spaces"));
                }
                // Validate the whole line first so a bad id rejects the line without writing half of it.
                String user = Ids.require("user_id", ids.get(0));
                for (int k = 1; k < ids.size(); k++) {
                    Ids.require("item_id", ids.get(k));
                }
                for (int k = 1; k < ids.size(); k++) {
                    String item = ids.get(k);
                    if (written.add(item)) {
                        sink.item(Item.builder(item, Sequences.placeholderTitle(collection, item))
                                .categoryPath(List.of(collection)).build());
                    }
                    sink.event(EventType.PURCHASE, user, item, 1.0, Sequences.timestamp(k - 1));
                }
            });
            sink.flush();
        });
    }
}
