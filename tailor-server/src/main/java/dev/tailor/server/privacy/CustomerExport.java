// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.store.Store;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a store holds on one customer, as JSON (right of access, GDPR Art. 15/20): the profile (decrypted)
 * and every event in time order (search text decrypted), with the id they are stored under. One format for the
 * export endpoint and {@code tailor privacy export}, so an operator gets the same document either way.
 */
public final class CustomerExport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CustomerExport() {
    }

    /**
     * The store's data on {@code customerId} (the shop's id).
     *
     * @return empty when the store holds neither a profile nor events for the id
     */
    public static Optional<ObjectNode> of(Store store, String customerId) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("customer_id", customerId);
        o.put("stored_as", store.pseudonymizer().pseudonym(customerId));
        o.put("pseudonymized", store.pseudonymizer().active());
        o.put("exported_at", Instant.now().toString());
        store.findCustomer(customerId).ifPresentOrElse(c -> o.set("profile", profile(c)), () -> o.putNull("profile"));
        ArrayNode events = o.putArray("events");
        store.forEachEventOf(customerId, e -> events.add(event(e)));
        return o.get("profile").isNull() && events.isEmpty() ? Optional.empty() : Optional.of(o);
    }

    private static ObjectNode profile(Customer c) {
        ObjectNode p = MAPPER.createObjectNode();
        if (c.age() != null) {
            p.put("age", c.age());
        }
        if (c.gender() != null) {
            p.put("gender", c.gender().code());
        }
        if (c.region() != null) {
            p.put("region", c.region());
        }
        if (c.signupAt() != null) {
            p.put("signup_at", c.signupAt().toString());
        }
        c.segments().forEach(p.putArray("segments")::add);
        ObjectNode a = p.putObject("attributes");
        new TreeMap<>(c.attributes()).forEach(a::put);
        return p;
    }

    private static ObjectNode event(Event e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", e.type().wireName());
        if (e.itemId() != null) {
            o.put("item_id", e.itemId());
        }
        o.put("value", e.value());
        o.put("timestamp", e.timestamp().toString());
        putIf(o, "session_id", e.sessionId());
        putIf(o, "scene", e.scene());
        putIf(o, "request_id", e.requestId());
        putIf(o, "query", e.query());
        if (e.position() != null) {
            o.put("position", e.position());
        }
        return o;
    }

    private static void putIf(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }
}
