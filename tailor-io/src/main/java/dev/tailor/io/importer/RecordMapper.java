// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Builds items, customers and events from the fields of a generic row, applying the documented conventions
 * (category paths split at '>' or '/', lists at '|', booleans and timestamps in several spellings). Problems
 * name the file's own column rather than Tailor's field, because that is what the person fixing the file sees.
 */
final class RecordMapper {
    private static final String LIST_SEPARATOR = "\\|";

    private RecordMapper() {
    }

    static Item item(FieldSource f) {
        try {
            Item.Builder b = Item.builder(f.text("id"), f.text("title"))
                    .description(f.text("description"))
                    .categoryPath(f.list("category", f.text("category").indexOf('>') >= 0 ? ">" : "/"))
                    .brand(f.text("brand"))
                    .tags(f.list("tags", LIST_SEPARATOR))
                    .language(f.text("language"));
            String price = f.text("price");
            if (!price.isEmpty()) {
                b.price(price(price, f.text("currency")));
            }
            String available = f.text("available");
            if (!available.isEmpty()) {
                b.available(Values.parseBoolean("available", available));
            }
            String created = f.text("created_at");
            if (!created.isEmpty()) {
                b.createdAt(Instant.ofEpochMilli(Values.timestampMillis("created_at", created)));
            }
            f.prefixed(RecordKind.ATTRIBUTE_PREFIX, "attributes").forEach(b::attribute);
            f.prefixed(RecordKind.TITLE_PREFIX, "").forEach(b::localizedTitle);
            return b.build();
        } catch (ValidationException e) {
            throw relabel(e, f);
        }
    }

    static Customer customer(FieldSource f) {
        try {
            String ageText = f.text("age");
            Integer age = ageText.isEmpty() ? null : age(ageText);
            String genderText = f.text("gender");
            Gender gender = genderText.isEmpty() ? null : Gender.parse(genderText);
            String signup = f.text("signup_at");
            Instant signupAt = signup.isEmpty() ? null : Instant.ofEpochMilli(Values.timestampMillis("signup_at",
                    signup));
            return new Customer(f.text("id"), age, gender, f.text("region"), signupAt,
                    f.list("segments", LIST_SEPARATOR), f.prefixed(RecordKind.ATTRIBUTE_PREFIX, "attributes"));
        } catch (ValidationException e) {
            throw relabel(e, f);
        }
    }

    static Event event(FieldSource f) {
        try {
            String typeText = f.text("type");
            if (typeText.isEmpty()) {
                throw ValidationException.of("type", "missing event type; expected one of " + eventTypes());
            }
            EventType type = EventType.parse(typeText);
            String valueText = f.text("value");
            double value;
            if (!valueText.isEmpty()) {
                value = Values.parseDouble("value", valueText);
            } else if (type == EventType.RATING) {
                throw ValidationException.of("value", "a rating event needs a value (the stars)");
            } else {
                value = 1.0;
            }
            long time = Values.timestampMillis("timestamp", f.text("timestamp"));
            String positionText = f.text("position");
            Integer position = positionText.isEmpty() ? null : Values.parseInt("position", positionText);
            return new Event(type, f.text("user_id"), f.text("item_id"), value, Instant.ofEpochMilli(time),
                    f.text("session_id"), f.text("scene"), f.text("request_id"), f.text("query"), position);
        } catch (ValidationException e) {
            throw relabel(e, f);
        }
    }

    private static Price price(String amount, String currency) {
        BigDecimal value;
        try {
            value = new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw ValidationException.of("price", "expected a decimal amount such as 19.99 (no currency symbol or "
                    + "thousands separator), was '" + amount + "'");
        }
        return new Price(value, currency);
    }

    private static int age(String text) {
        double years = Values.parseDouble("age", text);
        if (years != Math.rint(years) || years < 0 || years > Customer.MAX_AGE) {
            throw ValidationException.of("age", "expected whole years 0.." + Customer.MAX_AGE + ", was '" + text
                    + "'");
        }
        return (int) years;
    }

    private static String eventTypes() {
        StringBuilder sb = new StringBuilder();
        for (EventType t : EventType.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(t.wireName());
        }
        return sb.toString();
    }

    private static ValidationException relabel(ValidationException e, FieldSource f) {
        List<Problem> out = new ArrayList<>(e.problems().size());
        for (Problem p : e.problems()) {
            out.add(p.field().isEmpty() ? p : new Problem(p.source(), p.line(), f.column(p.field()), p.reason()));
        }
        return new ValidationException(out);
    }
}
