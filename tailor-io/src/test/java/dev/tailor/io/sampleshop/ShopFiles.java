// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.domain.Item;
import dev.tailor.core.domain.Price;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads generated CSV files back into domain records, column by name, the way the generic importer is meant
 * to; constructing the records runs the domain validation on every row.
 */
final class ShopFiles {
    private ShopFiles() {
    }

    static List<Item> items(Path file) throws IOException {
        List<Item> out = new ArrayList<>();
        for (Map<String, String> r : rows(file, SampleShopGenerator.ITEM_COLUMNS)) {
            Item.Builder b = Item.builder(r.get("id"), r.get("title"))
                    .description(r.get("description"))
                    .categoryPath(Arrays.asList(r.get("category").split(" > ")))
                    .brand(r.get("brand"))
                    .price(Price.of(r.get("price"), r.get("currency")))
                    .available(Boolean.parseBoolean(r.get("available")))
                    .createdAt(Instant.parse(r.get("created_at")))
                    .language(r.get("language"))
                    .tags(r.get("tags").isEmpty() ? List.of() : Arrays.asList(r.get("tags").split("\\|")));
            for (String lang : List.of("en", "zh")) {
                if (!r.get("title." + lang).isEmpty()) {
                    b.localizedTitle(lang, r.get("title." + lang));
                }
            }
            for (String key : List.of("colour", "size", "material")) {
                if (!r.get("attr." + key).isEmpty()) {
                    b.attribute(key, r.get("attr." + key));
                }
            }
            out.add(b.build());
        }
        return out;
    }

    static List<Customer> customers(Path file) throws IOException {
        List<Customer> out = new ArrayList<>();
        for (Map<String, String> r : rows(file, SampleShopGenerator.CUSTOMER_COLUMNS)) {
            out.add(new Customer(r.get("id"), Integer.valueOf(r.get("age")), Gender.parse(r.get("gender")),
                    r.get("region"), Instant.parse(r.get("signup_at")), Arrays.asList(r.get("segments").split("\\|")),
                    Map.of("language", r.get("attr.language"))));
        }
        return out;
    }

    static List<Event> events(Path file) throws IOException {
        List<Event> out = new ArrayList<>();
        for (Map<String, String> r : rows(file, SampleShopGenerator.EVENT_COLUMNS)) {
            String position = r.get("position");
            out.add(new Event(EventType.parse(r.get("type")), r.get("user_id"), r.get("item_id"),
                    Double.parseDouble(r.get("value")), Instant.parse(r.get("timestamp")), r.get("session_id"),
                    r.get("scene"), r.get("request_id"), r.get("query"),
                    position.isEmpty() ? null : Integer.valueOf(position)));
        }
        return out;
    }

    private static List<Map<String, String>> rows(Path file, String[] expectedHeader) throws IOException {
        List<List<String>> records = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<String> header = records.get(0);
        if (!header.equals(List.of(expectedHeader))) {
            throw new AssertionError(file + ": unexpected header " + header);
        }
        List<Map<String, String>> out = new ArrayList<>(records.size() - 1);
        for (int k = 1; k < records.size(); k++) {
            List<String> rec = records.get(k);
            if (rec.size() != header.size()) {
                throw new AssertionError(file + ":" + (k + 1) + ": " + rec.size() + " fields, expected " + header.size());
            }
            Map<String, String> m = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                m.put(header.get(c), rec.get(c));
            }
            out.add(m);
        }
        return out;
    }
}
