// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.error.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a generic CSV or JSON Lines file holds, and the field names it is read by. Files name their columns
 * (keys) after these fields or rename them with a {@link ColumnMapping}; the full table with meanings and
 * examples is in docs/import-formats.md.
 */
public enum RecordKind {
    /** Catalog items; besides these fields, {@code attr.<name>} and {@code title.<lang>} columns. */
    ITEMS(List.of("id", "title"), List.of("description", "category", "brand", "price", "currency", "available",
            "created_at", "language", "tags", "attributes")),
    /** Customer profiles; besides these fields, {@code attr.<name>} columns. */
    CUSTOMERS(List.of("id"), List.of("age", "gender", "region", "signup_at", "segments", "attributes")),
    /** Behaviour events. */
    EVENTS(List.of("user_id", "type", "timestamp"), List.of("item_id", "value", "session_id", "scene",
            "request_id", "query", "position"));

    /** Prefix of free-form attribute columns, e.g. {@code attr.colour}. */
    public static final String ATTRIBUTE_PREFIX = "attr.";
    /** Prefix of per-language title columns, e.g. {@code title.zh}. */
    public static final String TITLE_PREFIX = "title.";

    private final List<String> required;
    private final List<String> optional;

    RecordKind(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    /** Fields every file of this kind must have. */
    public List<String> requiredFields() {
        return required;
    }

    /** Fields a file may have. */
    public List<String> optionalFields() {
        return optional;
    }

    /** Whether {@code field} can be a mapping target: a named field or a prefixed one this kind accepts. */
    public boolean accepts(String field) {
        return required.contains(field) || optional.contains(field) || prefixOf(field).isPresent();
    }

    /** The dynamic prefix ({@link #ATTRIBUTE_PREFIX}, {@link #TITLE_PREFIX}) that {@code field} starts with. */
    Optional<String> prefixOf(String field) {
        if (field.length() > ATTRIBUTE_PREFIX.length() && field.startsWith(ATTRIBUTE_PREFIX) && this != EVENTS) {
            return Optional.of(ATTRIBUTE_PREFIX);
        }
        if (field.length() > TITLE_PREFIX.length() && field.startsWith(TITLE_PREFIX) && this == ITEMS) {
            return Optional.of(TITLE_PREFIX);
        }
        return Optional.empty();
    }

    /** Every accepted field name, for messages. */
    String describeFields() {
        StringBuilder sb = new StringBuilder(String.join(", ", required));
        for (String o : optional) {
            sb.append(", ").append(o);
        }
        if (this != EVENTS) {
            sb.append(", ").append(ATTRIBUTE_PREFIX).append("<name>");
        }
        if (this == ITEMS) {
            sb.append(", ").append(TITLE_PREFIX).append("<lang>");
        }
        return sb.toString();
    }

    /** "items", "customers" or "events" (singular and any case accepted). */
    public static RecordKind parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "items", "item", "catalog" -> ITEMS;
            case "customers", "customer", "users", "user" -> CUSTOMERS;
            case "events", "event" -> EVENTS;
            default -> throw ValidationException.of("kind", "unknown record kind '" + text
                    + "'; expected items, customers or events");
        };
    }

    /** Lower-case plural, as on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
