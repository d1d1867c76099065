// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.domain;

import dev.tailor.core.error.ValidationException;
import java.time.Instant;

/**
 * One behaviour event. Events are append-only; two events with the same user, item, type and timestamp are
 * the same event (a resent batch), and the store keeps one.
 *
 * @param type what happened
 * @param userId the customer's id
 * @param itemId the item; {@code null} only for {@link EventType#SEARCH}
 * @param value rating stars for RATING, quantity for PURCHASE/ADD_TO_CART, otherwise 1
 * @param timestamp when it happened (millisecond precision is kept)
 * @param sessionId nullable
 * @param scene the page or placement, e.g. "home", "item", "search"; nullable
 * @param requestId the recommendation request that showed the item (impressions, clicks); nullable
 * @param query the search text for SEARCH events; nullable
 * @param position 0-based rank at which the item was shown (impressions); nullable
 */
public record Event(
        EventType type,
        String userId,
        String itemId,
        double value,
        Instant timestamp,
        String sessionId,
        String scene,
        String requestId,
        String query,
        Integer position) {

    public Event {
        if (type == null) {
            throw ValidationException.of("type", "missing event type");
        }
        userId = Ids.require("user_id", userId);
        itemId = type.requiresItem() ? Ids.require("item_id", itemId) : Ids.optional("item_id", itemId);
        if (!Double.isFinite(value)) {
            throw ValidationException.of("value", "must be a finite number, was " + value);
        }
        if (timestamp == null) {
            throw ValidationException.of("timestamp", "missing timestamp");
        }
        // Millisecond precision: the store and snapshots keep epoch millis, and equality (de-duplication)
        // must not depend on nanos a JSON client happened to send.
        timestamp = Instant.ofEpochMilli(timestamp.toEpochMilli());
        sessionId = Ids.optional("session_id", sessionId);
        scene = Ids.optional("scene", scene);
        requestId = Ids.optional("request_id", requestId);
        query = Ids.blankToNull(query);
        if (type == EventType.SEARCH && query == null) {
            throw ValidationException.of("query", "a search event needs the query text");
        }
        if (position != null && position < 0) {
            throw ValidationException.of("position", "must be >= 0, was " + position);
        }
    }

    /** The common case: a typed user-item event with value 1 and no context. */
    public static Event of(EventType type, String userId, String itemId, Instant timestamp) {
        return new Event(type, userId, itemId, 1.0, timestamp, null, null, null, null, null);
    }

    public static Event rating(String userId, String itemId, double stars, Instant timestamp) {
        return new Event(EventType.RATING, userId, itemId, stars, timestamp, null, null, null, null, null);
    }
}
