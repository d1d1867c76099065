// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import dev.tailor.core.data.ItemFeatures;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Request filters a shop page sets: a category (the item's category path must start with it), a price range
 * and in-stock-only.
 *
 * @param category a category path prefix such as "Electronics" or "Electronics > Phones"; null for any
 * @param minPrice inclusive lower bound, or NaN for none
 * @param maxPrice inclusive upper bound, or NaN for none
 * @param inStockOnly drop unavailable items
 */
public record Filters(String category, double minPrice, double maxPrice, boolean inStockOnly) {
    public static final Filters NONE = new Filters(null, Double.NaN, Double.NaN, false);

    public Filters {
        category = category == null || category.isBlank() ? null : category.strip();
        List<Problem> problems = new ArrayList<>();
        if (!Double.isNaN(minPrice) && !(minPrice >= 0 && Double.isFinite(minPrice))) {
            problems.add(Problem.of("min_price", "must be a number >= 0, was " + minPrice));
        }
        if (!Double.isNaN(maxPrice) && !(maxPrice >= 0 && Double.isFinite(maxPrice))) {
            problems.add(Problem.of("max_price", "must be a number >= 0, was " + maxPrice));
        }
        if (problems.isEmpty() && !Double.isNaN(minPrice) && !Double.isNaN(maxPrice) && minPrice > maxPrice) {
            problems.add(Problem.of("max_price", "must be >= min_price (" + minPrice + "), was " + maxPrice));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    public boolean hasPrice() {
        return !Double.isNaN(minPrice) || !Double.isNaN(maxPrice);
    }

    /** Whether a full category path matches the filter's prefix, segment by segment, ignoring case. */
    public boolean matchesCategory(String path) {
        return category == null || underCategory(path, category);
    }

    /** Whether {@code path} is {@code prefix} or lies below it, segment by segment, ignoring case. */
    public static boolean underCategory(String path, String prefix) {
        if (path == null) {
            return false;
        }
        String p = path.toLowerCase(Locale.ROOT);
        String c = prefix.toLowerCase(Locale.ROOT);
        return p.equals(c) || p.startsWith(c + ItemFeatures.PATH_SEPARATOR.toLowerCase(Locale.ROOT));
    }
}
