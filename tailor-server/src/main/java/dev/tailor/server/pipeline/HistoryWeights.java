// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import dev.tailor.core.domain.EventType;

/**
 * How much a history event says about what to show next, and how fast that fades with newer events. A cart
 * or purchase says more than a view; the latest events dominate, which is what makes the homepage follow what
 * the customer is doing right now.
 */
public final class HistoryWeights {
    /** Each older history entry counts this much of the next newer one. */
    public static final float DECAY = 0.85f;
    /** History entries considered per request, newest first. */
    public static final int WINDOW = 30;

    private static final float[] BY_TYPE = new float[EventType.values().length];

    static {
        BY_TYPE[EventType.VIEW.ordinal()] = 1f;
        BY_TYPE[EventType.CLICK.ordinal()] = 1.5f;
        BY_TYPE[EventType.ADD_TO_CART.ordinal()] = 3f;
        BY_TYPE[EventType.PURCHASE.ordinal()] = 3f;
        BY_TYPE[EventType.RATING.ordinal()] = 1f;
        BY_TYPE[EventType.FAVORITE.ordinal()] = 2f;
    }

    private HistoryWeights() {
    }

    public static float weight(int typeOrdinal) {
        return BY_TYPE[typeOrdinal];
    }

    /** The verb an explanation uses for an event type: "viewed", "bought", ... */
    public static String verb(int typeOrdinal) {
        return switch (EventType.byOrdinal(typeOrdinal)) {
            case PURCHASE -> "bought";
            case ADD_TO_CART -> "added to your cart";
            case FAVORITE -> "saved";
            case RATING -> "rated";
            default -> "viewed";
        };
    }
}
