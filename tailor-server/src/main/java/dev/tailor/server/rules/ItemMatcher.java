// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.rules;

import dev.tailor.core.domain.Item;
import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.pipeline.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "when" of a rule: conditions on an item's attributes, all of which must hold. Category is a path prefix
 * (as in request filters), brand and tag compare case-insensitively, attributes compare values
 * case-insensitively, prices are inclusive bounds.
 *
 * @param category category path prefix, or null
 * @param brand brand, or null
 * @param tag a tag the item must carry, or null
 * @param attributes attribute values the item must have (keys lower-case)
 * @param minPrice inclusive, NaN for none
 * @param maxPrice inclusive, NaN for none
 */
public record ItemMatcher(String category, String brand, String tag, Map<String, String> attributes,
        double minPrice, double maxPrice) {
    public ItemMatcher {
        attributes = Map.copyOf(attributes);
    }

    public boolean isEmpty() {
        return category == null && brand == null && tag == null && attributes.isEmpty() && Double.isNaN(minPrice)
                && Double.isNaN(maxPrice);
    }

    public boolean matches(LiveCatalog.View catalog, LiveCatalog names, int i) {
        if (category != null) {
            int c = catalog.category(i);
            if (c < 0 || !Filters.underCategory(names.categoryName(c), category)) {
                return false;
            }
        }
        if (!Double.isNaN(minPrice) || !Double.isNaN(maxPrice)) {
            float p = catalog.price(i);
            if (Float.isNaN(p) || (!Double.isNaN(minPrice) && p < minPrice)
                    || (!Double.isNaN(maxPrice) && p > maxPrice)) {
                return false;
            }
        }
        Item item = catalog.item(i);
        if (brand != null && (item.brand() == null || !item.brand().equalsIgnoreCase(brand))) {
            return false;
        }
        if (tag != null && item.tags().stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
            return false;
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            String v = item.attributes().get(e.getKey());
            if (v == null || !v.equalsIgnoreCase(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (category != null) {
            parts.add("category under '" + category + "'");
        }
        if (brand != null) {
            parts.add("brand = " + brand);
        }
        if (tag != null) {
            parts.add("tag " + tag.toLowerCase(Locale.ROOT));
        }
        attributes.forEach((k, v) -> parts.add(k + " = " + v));
        if (!Double.isNaN(minPrice)) {
            parts.add("price >= " + minPrice);
        }
        if (!Double.isNaN(maxPrice)) {
            parts.add("price <= " + maxPrice);
        }
        return String.join(" and ", parts);
    }
}
