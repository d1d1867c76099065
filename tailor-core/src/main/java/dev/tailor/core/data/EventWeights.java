// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.data;

import dev.tailor.core.domain.EventType;
import dev.tailor.core.error.ValidationException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * How much each event type counts as evidence of preference when events are folded into a user x item matrix.
 * A pair's weight is the sum over its events of {@code weight(type) * (ratingValue ? stars : 1)}.
 *
 * @param byType weight per {@link EventType} ordinal, each finite and >= 0; 0 drops the type
 * @param ratingValue whether a RATING counts with its value (stars) rather than as 1
 */
public record EventWeights(float[] byType, boolean ratingValue) {
    /**
     * Defaults for implicit feedback in a shop: a purchase says more than a cart, a cart more than a view
     * (the usual ordering in multi-behaviour work; see e.g. Taobao's pv/cart/fav/buy). Impressions and searches
     * carry no item preference.
     */
    public static final EventWeights DEFAULT = of(Map.of(
            EventType.VIEW, 1f, EventType.CLICK, 1f, EventType.ADD_TO_CART, 3f, EventType.PURCHASE, 5f,
            EventType.RATING, 1f, EventType.FAVORITE, 2f), false);

    /** Every user-item interaction counts 1, whatever its type; impressions and searches count 0. */
    public static final EventWeights BINARY = of(Map.of(
            EventType.VIEW, 1f, EventType.CLICK, 1f, EventType.ADD_TO_CART, 1f, EventType.PURCHASE, 1f,
            EventType.RATING, 1f, EventType.FAVORITE, 1f), false);

    public EventWeights {
        if (byType.length != EventType.values().length) {
            throw ValidationException.of("weights", "expected " + EventType.values().length + " weights, got "
                    + byType.length);
        }
        byType = byType.clone();
        for (int i = 0; i < byType.length; i++) {
            if (!Float.isFinite(byType[i]) || byType[i] < 0) {
                throw ValidationException.of("weights." + EventType.byOrdinal(i).wireName(),
                        "must be a finite number >= 0, was " + byType[i]);
            }
        }
    }

    public static EventWeights of(Map<EventType, Float> weights, boolean ratingValue) {
        float[] w = new float[EventType.values().length];
        weights.forEach((t, v) -> w[t.ordinal()] = v);
        return new EventWeights(w, ratingValue);
    }

    public float weight(int typeOrdinal, float value) {
        float w = byType[typeOrdinal];
        return ratingValue && typeOrdinal == EventType.RATING.ordinal() ? w * value : w;
    }

    public Map<EventType, Float> asMap() {
        Map<EventType, Float> m = new EnumMap<>(EventType.class);
        for (EventType t : EventType.values()) {
            m.put(t, byType[t.ordinal()]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventWeights w && Arrays.equals(byType, w.byType) && ratingValue == w.ratingValue;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(byType) * 31 + Boolean.hashCode(ratingValue);
    }

    @Override
    public String toString() {
        return "EventWeights" + asMap() + (ratingValue ? " (ratings by value)" : "");
    }
}
