// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.domain.Item;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the MovieLens importers share: how a movie becomes an {@link Item}. {@code Item} has one category path
 * but a movie has several genres, so the first listed genre becomes the category {@code [Movies, genre]} (a
 * stable, if arbitrary, choice: MovieLens lists genres alphabetically) and all genres become tags, where
 * content models see every one of them.
 */
final class MovieLens {
    static final String ROOT_CATEGORY = "Movies";
    private static final Pattern YEAR = Pattern.compile("\\((\\d{4})\\)\\s*$");

    private MovieLens() {
    }

    static Item.Builder movie(String id, String title, List<String> genres) {
        Item.Builder b = Item.builder(id, title)
                .categoryPath(genres.isEmpty() ? List.of(ROOT_CATEGORY) : List.of(ROOT_CATEGORY, genres.get(0)))
                .tags(genres);
        Matcher m = YEAR.matcher(title);
        if (m.find()) {
            b.attribute("year", m.group(1));
        }
        return b;
    }
}
