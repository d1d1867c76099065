// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.fairness;

import dev.tailor.core.data.ItemFeatures;
import dev.tailor.eval.harness.EvalData;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.metric.Exposure;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How recommendation slots are shared among groups of items, set against how the catalog and the training
 * interactions are shared: a category holding 10% of the rankable items but getting 2% of the slots is
 * under-exposed (ratio 0.2). Only rankable items count (those with an event in the filtered data).
 *
 * @param name "category" or "popularity decile"
 * @param labels group labels
 * @param items rankable items per group
 * @param exposureShare share of all top-K slots that went to the group's items
 * @param catalogShare share of the rankable items in the group
 * @param interactionShare share of the training user-item pairs on the group's items
 */
public record ExposureShares(String name, List<String> labels, int[] items, double[] exposureShare,
        double[] catalogShare, double[] interactionShare) {
    public ExposureShares {
        labels = List.copyOf(labels);
        int n = labels.size();
        if (items.length != n || exposureShare.length != n || catalogShare.length != n
                || interactionShare.length != n) {
            throw new IllegalArgumentException("exposure share arrays disagree with " + n + " labels");
        }
    }

    /** exposure share / catalog share of group g: 1 = exposed in proportion to its size. */
    public double ratio(int g) {
        return exposureShare[g] / catalogShare[g];
    }

    /** How often each item is in the first {@code k} recommendations of a test user. */
    public static int[] counts(ModelResult m, EvalData data, int k) {
        int maxK = data.config().maxK();
        if (k > maxK) {
            throw new IllegalArgumentException("K = " + k + " exceeds the evaluated lists' length " + maxK);
        }
        int[] counts = new int[data.itemCount()];
        int[] rec = m.recItems();
        int[] len = m.recLength();
        for (int s = 0; s < len.length; s++) {
            for (int j = 0, n = Math.min(k, len[s]); j < n; j++) {
                counts[rec[s * maxK + j]]++;
            }
        }
        return counts;
    }

    /** Gini index of {@code counts} over the rankable items (see {@link Exposure#gini}). */
    public static double gini(int[] counts, EvalData data) {
        return Exposure.gini(counts, rankable(data));
    }

    /** By the item's category in the training snapshot (full path); uncategorized items form "(none)". */
    public static ExposureShares byCategory(int[] counts, EvalData data) {
        ItemFeatures f = data.split().train().itemFeatures();
        int nc = f.categories().size();
        int[] group = new int[data.itemCount()];
        for (int i = 0; i < group.length; i++) {
            group[i] = f.category(i) < 0 ? nc : f.category(i);
        }
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < nc; c++) {
            labels.add(f.categories().id(c));
        }
        labels.add("(none)");
        ExposureShares all = of("category", labels, group, counts, data);
        // Drop groups without rankable items: categories whose items never occur in the filtered data, and "(none)"
        // when every item has a category.
        List<String> kept = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (int g = 0; g < labels.size(); g++) {
            if (all.items[g] > 0) {
                kept.add(labels.get(g));
                idx.add(g);
            }
        }
        int n = idx.size();
        int[] it = new int[n];
        double[] e = new double[n];
        double[] c = new double[n];
        double[] in = new double[n];
        for (int j = 0; j < n; j++) {
            int g = idx.get(j);
            it[j] = all.items[g];
            e[j] = all.exposureShare[g];
            c[j] = all.catalogShare[g];
            in[j] = all.interactionShare[g];
        }
        return new ExposureShares("category", kept, it, e, c, in);
    }

    /**
     * By popularity decile (or {@code bins} quantiles) of training users per item: rankable items sorted by
     * popularity ascending, ties by index, cut into bins of equal item count; bin 1 is the least popular.
     */
    public static ExposureShares byPopularity(int[] counts, EvalData data, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        BitSet rankable = rankable(data);
        int n = rankable.cardinality();
        long[] keyed = new long[n];
        int j = 0;
        for (int i = rankable.nextSetBit(0); i >= 0; i = rankable.nextSetBit(i + 1)) {
            // Popularity in the high half, index in the low half: one primitive sort gives (pop, index) order.
            keyed[j++] = ((long) data.items().trainUsers(i) << 32) | i;
        }
        java.util.Arrays.sort(keyed);
        int[] group = new int[data.itemCount()];
        java.util.Arrays.fill(group, -1);
        for (int r = 0; r < n; r++) {
            group[(int) keyed[r]] = (int) ((long) r * bins / n);
        }
        List<String> labels = new ArrayList<>();
        for (int b = 1; b <= bins; b++) {
            labels.add("D" + b + (b == 1 ? " (least popular)" : b == bins ? " (most popular)" : ""));
        }
        return of("popularity decile", labels, group, counts, data);
    }

    private static ExposureShares of(String name, List<String> labels, int[] group, int[] counts, EvalData data) {
        int g = labels.size();
        BitSet rankable = rankable(data);
        int[] items = new int[g];
        double[] exposure = new double[g];
        double[] interactions = new double[g];
        double totalExposure = 0;
        double totalInteractions = 0;
        for (int i = rankable.nextSetBit(0); i >= 0; i = rankable.nextSetBit(i + 1)) {
            if (group[i] < 0) {
                continue;
            }
            items[group[i]]++;
            exposure[group[i]] += counts[i];
            interactions[group[i]] += data.items().trainUsers(i);
            totalExposure += counts[i];
            totalInteractions += data.items().trainUsers(i);
        }
        int n = rankable.cardinality();
        double[] catalog = new double[g];
        for (int x = 0; x < g; x++) {
            catalog[x] = (double) items[x] / n;
            exposure[x] = totalExposure == 0 ? Double.NaN : exposure[x] / totalExposure;
            interactions[x] = totalInteractions == 0 ? Double.NaN : interactions[x] / totalInteractions;
        }
        return new ExposureShares(name, labels, items, exposure, catalog, interactions);
    }

    static BitSet rankable(EvalData data) {
        BitSet r = data.unrankable();
        r.flip(0, data.itemCount());
        return r;
    }
}
