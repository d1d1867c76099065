// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.privacy.Pseudonymizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a store's {@link StorePrivacy} at the one place rows are made and read: customer ids become
 * pseudonyms on the way in (writes and lookups alike, so no caller can bypass it), personal fields are sealed
 * into {@code customers.personal} and search text into {@code events.query}, and both are opened on the way
 * out. Records read back carry the pseudonym as their customer id. Thread-safe.
 */
final class Protection {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EVENTS_CONTEXT = "events.query";

    private final Pseudonymizer pseudonyms;
    private final Optional<FieldCipher> cipher;
    private final boolean keepIdentity;

    Protection(StorePrivacy privacy) {
        this.pseudonyms = privacy.pseudonymizer();
        this.cipher = privacy.cipher();
        this.keepIdentity = privacy.keepsIdentity();
    }

    Pseudonymizer pseudonymizer() {
        return pseudonyms;
    }

    boolean keepsIdentity() {
        return keepIdentity;
    }

    /** The stored id of a customer id from outside. */
    String key(String customerId) {
        return pseudonyms.pseudonym(customerId);
    }

    /** The row to store: the pseudonym as id and, when encrypting, no personal field in the clear. */
    Customer stored(Customer c, String key) {
        if (cipher.isEmpty()) {
            return key.equals(c.id()) ? c : new Customer(key, c.age(), c.gender(), c.region(), c.signupAt(),
                    c.segments(), c.attributes());
        }
        return Customer.anonymous(key);
    }

    /** The ciphertext of the personal fields for {@code customers.personal}; empty when not encrypting. */
    Optional<String> sealed(Customer c, String key) {
        if (cipher.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode o = MAPPER.createObjectNode();
        if (c.age() != null) {
            o.put("age", c.age());
        }
        if (c.gender() != null) {
            o.put("gender", c.gender().code());
        }
        if (c.region() != null) {
            o.put("region", c.region());
        }
        if (c.signupAt() != null) {
            o.put("signup_at_ms", c.signupAt().toEpochMilli());
        }
        c.segments().forEach(o.putArray("segments")::add);
        ObjectNode a = o.putObject("attributes");
        new java.util.TreeMap<>(c.attributes()).forEach(a::put);
        return Optional.of(cipher.get().seal(o.toString(), customerContext(key)));
    }

    /** A customer as read: the row itself, or the row's id with the personal fields opened from ciphertext. */
    Customer read(Customer row, String personal) {
        if (personal == null) {
            return row;
        }
        FieldCipher c = cipher.orElseThrow(() -> new TailorException("customer rows are encrypted but no "
                + "encryption key is configured"));
        JsonNode o;
        try {
            o = MAPPER.readTree(c.open(personal, customerContext(row.id()), "customers.personal"));
        } catch (JsonProcessingException e) {
            throw new TailorException("decrypted customers.personal is not the expected JSON: "
                    + e.getOriginalMessage(), e);
        }
        List<String> segments = new ArrayList<>();
        o.path("segments").forEach(s -> segments.add(s.asText()));
        Map<String, String> attributes = new LinkedHashMap<>();
        o.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        return new Customer(row.id(), o.has("age") ? o.get("age").asInt() : null,
                o.has("gender") ? Gender.parse(o.get("gender").asText()) : null,
                o.has("region") ? o.get("region").asText() : null,
                o.has("signup_at_ms") ? Instant.ofEpochMilli(o.get("signup_at_ms").asLong()) : null,
                segments, attributes);
    }

    /**
     * Events as stored: pseudonymous user ids and sealed search text. Returns the list itself when nothing
     * changes, so a store without protection pays nothing. Pseudonyms are cached within the call because an
     * import names the same customers many times.
     */
    List<Event> stored(List<Event> events) {
        if (!pseudonyms.active() && cipher.isEmpty()) {
            return events;
        }
        Map<String, String> keys = new HashMap<>();
        List<Event> out = new ArrayList<>(events.size());
        for (Event e : events) {
            String user = keys.computeIfAbsent(e.userId(), this::key);
            String query = e.query() == null || cipher.isEmpty() ? e.query()
                    : cipher.get().seal(e.query(), EVENTS_CONTEXT);
            out.add(new Event(e.type(), user, e.itemId(), e.value(), e.timestamp(), e.sessionId(), e.scene(),
                    e.requestId(), query, e.position()));
        }
        return out;
    }

    /** An event as read: search text opened. */
    Event read(Event row) {
        if (row.query() == null || cipher.isEmpty()) {
            return row;
        }
        return new Event(row.type(), row.userId(), row.itemId(), row.value(), row.timestamp(), row.sessionId(),
                row.scene(), row.requestId(), cipher.get().open(row.query(), EVENTS_CONTEXT, "events.query"),
                row.position());
    }

    /**
     * Binds a customer's ciphertext to its row, so that a value copied onto another customer does not open. The
     * query text is bound to its column only: rotation would otherwise have to re-encrypt every event.
     */
    static String customerContext(String key) {
        return "customers.personal/" + key;
    }

    Optional<FieldCipher> cipher() {
        return cipher;
    }
}
