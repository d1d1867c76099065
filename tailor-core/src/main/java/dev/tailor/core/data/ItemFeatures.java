// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.data;

import java.util.Map;

/**
 * Item attributes by dense item index, as flat columns for content models, diversity and reports. Items seen
 * only in events (no catalog record) have their id as title and -1/NaN elsewhere.
 *
 * <p>Categories are keyed by their full path joined with {@value #PATH_SEPARATOR}, so "Phones &gt; Cases" and
 * "Tablets &gt; Cases" stay distinct; {@link #topCategory} is the root of the path.
 */
public final class ItemFeatures {
    public static final String PATH_SEPARATOR = " > ";

    private final String[] titles;
    private final int[] category;
    private final int[] topCategory;
    private final IdDictionary categories;
    private final int[] brand;
    private final IdDictionary brands;
    private final float[] price;
    private final boolean[] available;
    private final long[] createdAt;
    private final String[] language;
    private final Map<String, String>[] attributes;

    ItemFeatures(String[] titles, int[] category, int[] topCategory, IdDictionary categories, int[] brand,
            IdDictionary brands, float[] price, boolean[] available, long[] createdAt, String[] language,
            Map<String, String>[] attributes) {
        this.titles = titles;
        this.category = category;
        this.topCategory = topCategory;
        this.categories = categories;
        this.brand = brand;
        this.brands = brands;
        this.price = price;
        this.available = available;
        this.createdAt = createdAt;
        this.language = language;
        this.attributes = attributes;
    }

    public int size() {
        return titles.length;
    }

    public String title(int item) {
        return titles[item];
    }

    /** Index into {@link #categories()} of the item's full category path, -1 when uncategorized. */
    public int category(int item) {
        return category[item];
    }

    /** Index into {@link #categories()} of the root category, -1 when uncategorized. */
    public int topCategory(int item) {
        return topCategory[item];
    }

    public IdDictionary categories() {
        return categories;
    }

    public int brand(int item) {
        return brand[item];
    }

    public IdDictionary brands() {
        return brands;
    }

    /** Price as a float (NaN when unknown); currencies are not converted. */
    public float price(int item) {
        return price[item];
    }

    public boolean available(int item) {
        return available[item];
    }

    /** Epoch millis when listed, or {@link Long#MIN_VALUE} when unknown. */
    public long createdAt(int item) {
        return createdAt[item];
    }

    /** Language of the title, or null when unknown. */
    public String language(int item) {
        return language[item];
    }

    /**
     * The item's free-form attributes (colour, size, material, ...; keys lower-case), empty when it has none.
     * The maps are the catalog records' own immutable maps, so keeping them costs no copy.
     */
    public Map<String, String> attributes(int item) {
        Map<String, String> a = attributes[item];
        return a == null ? Map.of() : a;
    }
}
