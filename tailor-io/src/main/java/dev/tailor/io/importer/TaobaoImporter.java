// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Ids;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.StoreWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Alibaba's Taobao UserBehavior CSV (Tianchi dataset 649): no header, {@code user,item,category,behavior,ts}
 * with behaviours pv, cart, fav, buy and Unix seconds. Behaviours map to VIEW, ADD_TO_CART, FAVORITE and
 * PURCHASE events (value 1). Each item is written once, when first seen, with the placeholder title
 * "Taobao item {id}" and its category id as the one-level category path (the data are anonymised: no text).
 * Users get no customer profile.
 *
 * <p>Memory: the set of items already written grows with the catalog (about 4 million ids in the full
 * 100-million-row file, a few hundred MB); everything else streams.
 */
public final class TaobaoImporter implements DatasetImporter {
    public static final String NAME = "taobao";
    private static final String COLLECTION = "Taobao";
    private static final String LAYOUT = "user_id,item_id,category_id,behavior_type,timestamp";
    private static final Pattern ROW = Pattern.compile("\\d+,\\d+,\\d+,(pv|buy|cart|fav),\\d+\\s*");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Taobao UserBehavior.csv (user,item,category,behavior,timestamp; pv/cart/fav/buy): events, "
                + "items with category ids";
    }

    @Override
    public boolean recognizes(Path path) {
        return Sequences.firstLine(path).filter(l -> ROW.matcher(l).matches()).isPresent();
    }

    @Override
    public ImportReport importInto(Path file, StoreWriter writer, ImportOptions options, ImportProgress progress) {
        ImportSession session = new ImportSession(file.toString(), options, progress);
        RecordSink sink = new RecordSink(writer, options, session);
        Set<String> written = new HashSet<>();
        return session.run(List.of(file), () -> {
            session.forEachLine(session.open(file, StandardCharsets.UTF_8), line -> {
                String[] f = Values.split(line, ',', 5, LAYOUT);
                EventType type;
                try {
                    type = EventType.parse(f[3]);
                } catch (ValidationException e) {
                    throw Values.renamed(e, "type", "behavior_type");
                }
                long time = Values.epochSecondsToMillis("timestamp", f[4]);
                // Ids first, so that a rejected row never leaves its item behind.
                String user = Ids.require("user_id", f[0]);
                String item = Ids.require("item_id", f[1]);
                if (!written.contains(item)) {
                    if (f[2].isBlank()) {
                        throw ValidationException.of("category_id", "missing category id");
                    }
                    sink.item(Item.builder(item, Sequences.placeholderTitle(COLLECTION, item))
                            .categoryPath(List.of(f[2].strip())).build());
                    written.add(item);
                }
                sink.event(type, user, item, 1.0, time);
            });
            sink.flush();
        });
    }
}
