// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.twotower;

import dev.tailor.core.data.ItemFeatures;
import dev.tailor.core.domain.Item;

/**
 * The text an item is encoded from: "title. category path. brand" (empty parts left out), the layout of the
 * UniSRec preprocessing of the Amazon data, so the encoder sees the same fields there and in a shop.
 */
public final class ItemTexts {
    private ItemTexts() {
    }

    /** One text per dense item index. */
    public static String[] of(ItemFeatures features) {
        String[] texts = new String[features.size()];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            sb.setLength(0);
            append(sb, features.title(i));
            int c = features.category(i);
            if (c >= 0) {
                append(sb, features.categories().id(c));
            }
            int b = features.brand(i);
            if (b >= 0) {
                append(sb, features.brands().id(b));
            }
            texts[i] = sb.toString();
        }
        return texts;
    }

    /** The text of a catalog record: title, category path joined like {@link ItemFeatures}, brand. */
    public static String of(Item item) {
        StringBuilder sb = new StringBuilder();
        append(sb, item.title());
        append(sb, String.join(ItemFeatures.PATH_SEPARATOR, item.categoryPath()));
        append(sb, item.brand());
        return sb.toString();
    }

    private static void append(StringBuilder sb, String part) {
        if (part == null || part.isBlank()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(". ");
        }
        sb.append(part.strip());
    }
}
