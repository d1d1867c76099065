// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

/**
 * How one customer segment looks and shops: the planted ground truth later tests check models against.
 * Arrays are owned by this record and never modified after {@link Segments} builds it.
 *
 * @param name the label written to {@code Customer.segments}
 * @param share fraction of customers in the segment
 * @param minAge youngest age, inclusive
 * @param maxAge oldest age, inclusive
 * @param femaleShare probability a customer is female (1% are "other", the rest male)
 * @param regions where the segment lives, indices into {@link Segments#REGIONS}
 * @param regionWeights relative weights of {@code regions}
 * @param leafTaste demand for each leaf category, normalized to sum 1 (before seasonality)
 * @param priceSensitivity exponent b: an item priced p in a leaf whose median is m is accepted with
 *        probability min(1, (m/p)^b), so 0 ignores price and 1.5 strongly prefers cheap items
 * @param tierTaste relative preference for budget, mid-range and premium brands when a favourite is chosen
 * @param activity multiplier on the mean number of sessions per customer
 * @param searchTaste multiplier on the share of sessions that start with a search
 * @param hourWeights relative traffic by local hour of day
 */
record SegmentProfile(
        String name,
        double share,
        int minAge,
        int maxAge,
        double femaleShare,
        int[] regions,
        double[] regionWeights,
        double[] leafTaste,
        double priceSensitivity,
        double[] tierTaste,
        double activity,
        double searchTaste,
        double[] hourWeights) {

    /** Expected share of this segment's (non-seasonal) demand that goes to each root category. */
    double[] topTaste() {
        double[] out = new double[Taxonomy.TOPS.size()];
        for (LeafCategory leaf : Taxonomy.LEAVES) {
            out[leaf.topIndex()] += leafTaste[leaf.index()];
        }
        return out;
    }
}
