// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.core.error.ValidationException;
import dev.tailor.server.pipeline.Filters;
import java.util.List;

/**
 * The parameters every scene takes.
 *
 * @param k items per list
 * @param filters category, price range, in stock
 * @param exclude item ids never to show
 * @param diversity strength in [0, 1], or NaN for the scene's default
 * @param lang title language ("zh", "en"), or null for each item's primary title
 * @param customer the customer id for item-page scenes (personalization, exclusions), or null
 */
public record ListQuery(int k, Filters filters, List<String> exclude, float diversity, String lang,
        String customer) {
    public ListQuery {
        if (k < 1) {
            throw ValidationException.of("k", "must be >= 1, was " + k);
        }
        filters = filters == null ? Filters.NONE : filters;
        exclude = List.copyOf(exclude);
        if (!Float.isNaN(diversity) && !(diversity >= 0f && diversity <= 1f)) {
            throw ValidationException.of("diversity", "expected a number in [0, 1], was " + diversity);
        }
    }

    public static ListQuery of(int k) {
        return new ListQuery(k, Filters.NONE, List.of(), Float.NaN, null, null);
    }
}
