// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import java.util.List;

/**
 * One leaf of the sample catalog's category tree with everything needed to invent believable items for it.
 *
 * @param index position in {@link Taxonomy#LEAVES}
 * @param top the root category
 * @param topIndex position of the root in {@link Taxonomy#TOPS}
 * @param name the leaf's own name
 * @param catalogWeight share of the catalog relative to other leaves
 * @param medianPrice typical price in CNY of a mid-tier item of the first product type
 * @param priceSpread sigma of the log-normal price noise
 * @param brands who makes such items; tier 1 budget, 2 mid-range, 3 premium
 * @param products the nouns ("Phone Case"), each with a price factor
 * @param features adjectives ("Shockproof"); an item has at most one
 * @param specs capacity, wattage, strength, ...; an item has one when the list is non-empty
 * @param colours colour choices; empty when colour means nothing (books, food)
 * @param sizes size choices; empty when the category has no sizes
 * @param materials material choices; may be empty
 * @param repurchaseDays typical days between repeat purchases for consumables; 0 for durable goods
 * @param modelNames whether titles carry a model line such as "Nano 3" (gadgets do, tea does not)
 * @param giftable whether items are tagged "gift" (and sell more at festivals)
 * @param season demand over the year
 */
record LeafCategory(
        int index,
        Term top,
        int topIndex,
        Term name,
        double catalogWeight,
        double medianPrice,
        double priceSpread,
        List<Brand> brands,
        List<Product> products,
        List<Term> features,
        List<Term> specs,
        List<Term> colours,
        List<Term> sizes,
        List<Term> materials,
        int repurchaseDays,
        boolean modelNames,
        boolean giftable,
        Season season) {

    LeafCategory {
        if (brands.isEmpty() || products.isEmpty()) {
            throw new IllegalArgumentException(name.en() + ": a leaf needs brands and products");
        }
        brands = List.copyOf(brands);
        products = List.copyOf(products);
        features = List.copyOf(features);
        specs = List.copyOf(specs);
        colours = List.copyOf(colours);
        sizes = List.copyOf(sizes);
        materials = List.copyOf(materials);
    }

    /** "Electronics > Phones", the form item files and {@code ItemFeatures} use. */
    String path() {
        return top.en() + " > " + name.en();
    }

    boolean consumable() {
        return repurchaseDays > 0;
    }

    /** A maker; {@code tier} drives price premium and which segments favour it. */
    record Brand(Term name, int tier) {
        Brand {
            if (tier < 1 || tier > 3) {
                throw new IllegalArgumentException("tier must be 1..3, was " + tier);
            }
        }
    }

    /** A kind of product within the leaf; {@code priceFactor} scales the leaf's median price. */
    record Product(Term name, double priceFactor) {
    }
}
