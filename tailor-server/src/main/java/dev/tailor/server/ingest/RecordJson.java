// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.core.data.ItemFeatures;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.domain.Item;
import dev.tailor.core.domain.Price;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns API JSON into domain records, collecting every problem with its path ({@code items[3].price}) instead of
 * stopping at the first, and rejecting unknown fields (a misspelt field silently ignored is a bug the shop never
 * sees). The wire format (snake_case) is documented in docs/api.md and the OpenAPI description.
 */
public final class RecordJson {
    static final Set<String> ITEM_FIELDS = Set.of("id", "title", "description", "category", "brand", "price",
            "currency", "attributes", "tags", "available", "created_at", "language", "titles");
    static final Set<String> CUSTOMER_FIELDS = Set.of("id", "age", "gender", "region", "signup_at", "segments",
            "attributes");
    static final Set<String> EVENT_FIELDS = Set.of("type", "user_id", "item_id", "value", "timestamp",
            "session_id", "scene", "request_id", "query", "position");

    private RecordJson() {
    }

    /** An item, or empty with the problems added (paths prefixed by {@code path}). */
    public static Optional<Item> item(JsonNode n, String path, List<Problem> problems) {
        if (!object(n, path, problems)) {
            return Optional.empty();
        }
        int before = problems.size();
        unknown(n, ITEM_FIELDS, path, problems);
        Fields f = new Fields(n, path, problems);
        String id = f.text("id", true);
        String title = f.text("title", true);
        String description = f.text("description", false);
        List<String> category = f.category("category");
        String brand = f.text("brand", false);
        BigDecimal price = f.decimal("price");
        String currency = f.text("currency", false);
        Map<String, String> attributes = f.stringMap("attributes");
        List<String> tags = f.strings("tags");
        Boolean available = f.bool("available");
        Instant created = f.time("created_at", false);
        String language = f.text("language", false);
        Map<String, String> titles = f.stringMap("titles");
        if (problems.size() > before) {
            return Optional.empty();
        }
        return build(path, problems, () -> new Item(id, title, description, category, brand,
                price == null ? null : new Price(price, currency), attributes, tags,
                available == null || available, created, language, titles));
    }

    /** A customer, or empty with the problems added. */
    public static Optional<Customer> customer(JsonNode n, String path, List<Problem> problems) {
        if (!object(n, path, problems)) {
            return Optional.empty();
        }
        int before = problems.size();
        unknown(n, CUSTOMER_FIELDS, path, problems);
        Fields f = new Fields(n, path, problems);
        String id = f.text("id", true);
        Integer age = f.integer("age");
        String genderText = f.text("gender", false);
        Gender gender = null;
        if (genderText != null) {
            try {
                gender = Gender.parse(genderText);
            } catch (ValidationException e) {
                problems.add(Problem.of(at(path, "gender"), e.problems().get(0).reason()));
            }
        }
        String region = f.text("region", false);
        Instant signup = f.time("signup_at", false);
        List<String> segments = f.strings("segments");
        Map<String, String> attributes = f.stringMap("attributes");
        if (problems.size() > before) {
            return Optional.empty();
        }
        Gender g = gender;
        return build(path, problems, () -> new Customer(id, age, g, region, signup, segments, attributes));
    }

    /**
     * An event, or empty with the problems added. A missing timestamp means "now" (the event is being posted as
     * it happens).
     */
    public static Optional<Event> event(JsonNode n, String path, List<Problem> problems, Instant now) {
        if (!object(n, path, problems)) {
            return Optional.empty();
        }
        int before = problems.size();
        unknown(n, EVENT_FIELDS, path, problems);
        Fields f = new Fields(n, path, problems);
        String typeText = f.text("type", true);
        EventType type = null;
        if (typeText != null) {
            try {
                type = EventType.parse(typeText);
            } catch (ValidationException e) {
                problems.add(Problem.of(at(path, "type"), e.problems().get(0).reason()));
            }
        }
        String user = f.text("user_id", true);
        String item = f.text("item_id", false);
        Double value = f.number("value");
        Instant time = f.time("timestamp", false);
        String session = f.text("session_id", false);
        String scene = f.text("scene", false);
        String request = f.text("request_id", false);
        String query = f.text("query", false);
        Integer position = f.integer("position");
        if (problems.size() > before) {
            return Optional.empty();
        }
        EventType t = type;
        return build(path, problems, () -> new Event(t, user, item, value == null ? 1.0 : value,
                time == null ? now : time, session, scene, request, query, position));
    }

    private static <T> Optional<T> build(String path, List<Problem> problems, Supplier<T> make) {
        try {
            return Optional.of(make.get());
        } catch (ValidationException e) {
            for (Problem p : e.problems()) {
                problems.add(Problem.of(p.field().isEmpty() ? whole(path) : at(path, p.field()), p.reason()));
            }
            return Optional.empty();
        }
    }

    private static boolean object(JsonNode n, String path, List<Problem> problems) {
        if (n == null || !n.isObject()) {
            problems.add(Problem.of(whole(path), "expected a JSON object, got " + kind(n)));
            return false;
        }
        return true;
    }

    /** The path of a field: {@code items[3].price}, or just {@code price} for a single record. */
    static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String whole(String path) {
        return path.isEmpty() ? "body" : path;
    }

    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static void unknown(JsonNode n, Set<String> allowed, String path, List<Problem> problems) {
        Iterator<String> it = n.fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            if (!allowed.contains(name)) {
                problems.add(Problem.of(at(path, name), "unknown field; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(allowed))));
            }
        }
    }

    /** Typed field access on one object, reporting problems under its path. */
    private static final class Fields {
        private final JsonNode n;
        private final String path;
        private final List<Problem> problems;

        Fields(JsonNode n, String path, List<Problem> problems) {
            this.n = n;
            this.path = path;
            this.problems = problems;
        }

        private JsonNode get(String name) {
            JsonNode v = n.get(name);
            return v == null || v.isNull() ? null : v;
        }

        private void bad(String name, String expected, JsonNode v) {
            problems.add(Problem.of(at(path, name), "expected " + expected + ", got " + kind(v)));
        }

        String text(String name, boolean required) {
            JsonNode v = get(name);
            if (v == null) {
                if (required) {
                    problems.add(Problem.of(at(path, name), "missing"));
                }
                return null;
            }
            if (!v.isTextual()) {
                bad(name, "a string", v);
                return null;
            }
            return v.asText();
        }

        Integer integer(String name) {
            JsonNode v = get(name);
            if (v == null) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                bad(name, "a whole number", v);
                return null;
            }
            return v.intValue();
        }

        Double number(String name) {
            JsonNode v = get(name);
            if (v == null) {
                return null;
            }
            if (!v.isNumber()) {
                bad(name, "a number", v);
                return null;
            }
            return v.doubleValue();
        }

        BigDecimal decimal(String name) {
            JsonNode v = get(name);
            if (v == null) {
                return null;
            }
            if (v.isNumber()) {
                return v.decimalValue();
            }
            if (v.isTextual()) {
                try {
                    return new BigDecimal(v.asText().strip());
                } catch (NumberFormatException e) {
                    problems.add(Problem.of(at(path, name), "not a number: '" + v.asText() + "'"));
                    return null;
                }
            }
            bad(name, "a number", v);
            return null;
        }

        Boolean bool(String name) {
            JsonNode v = get(name);
            if (v == null) {
                return null;
            }
            if (!v.isBoolean()) {
                bad(name, "true or false", v);
                return null;
            }
            return v.booleanValue();
        }

        /** ISO-8601 text or epoch milliseconds. */
        Instant time(String name, boolean required) {
            JsonNode v = get(name);
            if (v == null) {
                if (required) {
                    problems.add(Problem.of(at(path, name), "missing"));
                }
                return null;
            }
            if (v.isIntegralNumber()) {
                return Instant.ofEpochMilli(v.longValue());
            }
            if (v.isTextual()) {
                try {
                    return Instant.parse(v.asText().strip());
                } catch (DateTimeParseException e) {
                    problems.add(Problem.of(at(path, name), "expected an ISO-8601 instant such as "
                            + "2024-03-01T10:15:30Z or epoch milliseconds, got '" + v.asText() + "'"));
                    return null;
                }
            }
            bad(name, "an ISO-8601 instant or epoch milliseconds", v);
            return null;
        }

        List<String> strings(String name) {
            JsonNode v = get(name);
            if (v == null) {
                return List.of();
            }
            if (!v.isArray()) {
                bad(name, "an array of strings", v);
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual()) {
                    problems.add(Problem.of(at(path, name) + "[" + i + "]", "expected a string, got "
                            + kind(v.get(i))));
                } else {
                    out.add(v.get(i).asText());
                }
            }
            return out;
        }

        /** A category path: an array of names, or one string with " > " between levels. */
        List<String> category(String name) {
            JsonNode v = get(name);
            if (v != null && v.isTextual()) {
                return List.of(v.asText().split(java.util.regex.Pattern.quote(ItemFeatures.PATH_SEPARATOR.strip())));
            }
            return strings(name);
        }

        Map<String, String> stringMap(String name) {
            JsonNode v = get(name);
            if (v == null) {
                return Map.of();
            }
            if (!v.isObject()) {
                bad(name, "an object of string values", v);
                return Map.of();
            }
            Map<String, String> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual()) {
                    out.put(e.getKey(), e.getValue().asText());
                } else if (e.getValue().isNumber() || e.getValue().isBoolean()) {
                    out.put(e.getKey(), e.getValue().asText());
                } else {
                    problems.add(Problem.of(at(path, name) + "." + e.getKey(), "expected a string, got "
                            + kind(e.getValue())));
                }
            }
            return out;
        }
    }
}
