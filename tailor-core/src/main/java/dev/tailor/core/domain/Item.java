// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.domain;

import dev.tailor.core.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog item. Optional scalar fields are {@code null} when the shop did not send them; collections are
 * never null (empty instead).
 *
 * @param id the shop's id for the item
 * @param title the display title in {@link #language()}; required because every page and model shows it
 * @param description free text, may be empty
 * @param categoryPath from the root down, e.g. [Electronics, Phones, Cases]
 * @param brand nullable
 * @param price nullable
 * @param attributes colour, size, material, ... (keys lower-case)
 * @param tags free labels such as "new" or "eco"
 * @param available whether it can be bought now (in stock, listed)
 * @param createdAt when the item was listed; nullable
 * @param language BCP-47 code of {@code title} ("en", "zh"); nullable when unknown
 * @param localizedTitles the title in other languages, keyed by language code (a bilingual shop sends both)
 */
public record Item(
        String id,
        String title,
        String description,
        List<String> categoryPath,
        String brand,
        Price price,
        Map<String, String> attributes,
        List<String> tags,
        boolean available,
        Instant createdAt,
        String language,
        Map<String, String> localizedTitles) {

    /** Titles longer than this are almost certainly a data error (a description pasted into the title). */
    public static final int MAX_TITLE_LENGTH = 1_000;

    public Item {
        id = Ids.require("id", id);
        if (title == null || title.isBlank()) {
            throw ValidationException.of("title", "missing title for item '" + id + "'");
        }
        title = title.strip();
        if (title.length() > MAX_TITLE_LENGTH) {
            throw ValidationException.of("title", "longer than " + MAX_TITLE_LENGTH + " characters");
        }
        description = Objects.requireNonNullElse(description, "").strip();
        categoryPath = categoryPath == null ? List.of() : List.copyOf(categoryPath.stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
        brand = Ids.blankToNull(brand);
        attributes = attributes == null ? Map.of() : copyLowerKeys(attributes);
        tags = tags == null ? List.of() : List.copyOf(tags.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        language = Ids.blankToNull(language);
        localizedTitles = localizedTitles == null ? Map.of() : Map.copyOf(localizedTitles);
    }

    private static Map<String, String> copyLowerKeys(Map<String, String> in) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (k != null && v != null && !k.isBlank() && !v.isBlank()) {
                out.put(k.strip().toLowerCase(java.util.Locale.ROOT), v.strip());
            }
        });
        return Map.copyOf(out);
    }

    /** The most specific category, or empty string when the item is uncategorized. */
    public String leafCategory() {
        return categoryPath.isEmpty() ? "" : categoryPath.get(categoryPath.size() - 1);
    }

    /** Title in the requested language when the shop sent one, else the primary title. */
    public String title(String lang) {
        if (lang == null || lang.equals(language)) {
            return title;
        }
        return localizedTitles.getOrDefault(lang, title);
    }

    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /** Incremental construction for importers, which fill fields column by column. */
    public static final class Builder {
        private final String id;
        private final String title;
        private String description = "";
        private List<String> categoryPath = new ArrayList<>();
        private String brand;
        private Price price;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private List<String> tags = new ArrayList<>();
        private boolean available = true;
        private Instant createdAt;
        private String language;
        private final Map<String, String> localizedTitles = new LinkedHashMap<>();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public Builder categoryPath(List<String> v) {
            categoryPath = v;
            return this;
        }

        public Builder brand(String v) {
            brand = v;
            return this;
        }

        public Builder price(Price v) {
            price = v;
            return this;
        }

        public Builder attribute(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        public Builder tags(List<String> v) {
            tags = v;
            return this;
        }

        public Builder available(boolean v) {
            available = v;
            return this;
        }

        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        public Builder language(String v) {
            language = v;
            return this;
        }

        public Builder localizedTitle(String lang, String v) {
            localizedTitles.put(lang, v);
            return this;
        }

        public Item build() {
            return new Item(id, title, description, categoryPath, brand, price, attributes, tags, available,
                    createdAt, language, localizedTitles);
        }
    }
}
