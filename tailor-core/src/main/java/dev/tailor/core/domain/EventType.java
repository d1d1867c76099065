// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.domain;

import dev.tailor.core.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a customer did. The wire name ({@link #wireName()}) is what files and the API use; the ordinal is
 * stable (append new types at the end) because snapshots store it as a byte.
 */
public enum EventType {
    VIEW("view"),
    CLICK("click"),
    ADD_TO_CART("add-to-cart"),
    PURCHASE("purchase"),
    RATING("rating"),
    SEARCH("search"),
    IMPRESSION("impression"),
    /** Wish-list / favourite; Taobao's "fav". */
    FAVORITE("favorite");

    private static final EventType[] VALUES = values();
    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the event names an item (a search may not). */
    public boolean requiresItem() {
        return this != SEARCH;
    }

    public static EventType byOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /**
     * Parses a wire name, case-insensitively, also accepting the enum constant ("ADD_TO_CART") and common
     * aliases ("cart", "buy", "pv", "fav") so that public datasets import without a mapping file.
     */
    public static EventType parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (EventType type : VALUES) {
            if (type.wireName.equals(t)) {
                return type;
            }
        }
        switch (t) {
            case "pv", "page-view", "pageview", "detail-view":
                return VIEW;
            case "cart", "addtocart", "add-cart":
                return ADD_TO_CART;
            case "buy", "order", "transaction":
                return PURCHASE;
            case "rate", "review":
                return RATING;
            case "fav", "favourite", "like", "wishlist":
                return FAVORITE;
            case "query":
                return SEARCH;
            case "impress", "exposure":
                return IMPRESSION;
            default:
                throw ValidationException.of("type", "unknown event type '" + text + "'; expected one of "
                        + Arrays.stream(VALUES).map(EventType::wireName).collect(Collectors.joining(", ")));
        }
    }
}
