// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy.dp;

import dev.tailor.core.error.ValidationException;
import java.util.random.RandomGenerator;

/**
 * How much one customer may add to a published histogram (e.g. per-item popularity counts): at most
 * {@code maxItems} distinct items, at most {@code maxPerItem} to each. Removing one customer then changes the
 * histogram by at most Δ₁ = maxItems · maxPerItem in L1 and Δ₂ = √maxItems · maxPerItem in L2.
 *
 * @param maxItems distinct items counted per customer, &gt;= 1
 * @param maxPerItem the most one customer adds to one item's count, &gt; 0 (1 = "customers who bought it")
 */
public record ContributionBound(int maxItems, double maxPerItem) {
    public ContributionBound {
        if (maxItems < 1) {
            throw ValidationException.of("max-items", "expected >= 1 items per customer, got " + maxItems);
        }
        if (!(maxPerItem > 0) || Double.isInfinite(maxPerItem)) {
            throw ValidationException.of("max-per-item", "expected a finite bound > 0, got " + maxPerItem);
        }
    }

    public double l1Sensitivity() {
        return maxItems * maxPerItem;
    }

    public double l2Sensitivity() {
        return Math.sqrt(maxItems) * maxPerItem;
    }

    /**
     * Clipped per-item totals from per-customer events in CSR form: customer u's events are
     * {@code items[ptr[u], ptr[u+1])} with weights {@code weights[...]} (repeats of an item add up). A customer
     * with more than {@code maxItems} distinct items keeps a uniformly random subset of them (reservoir
     * sampling, as in Wilson et al., "Differentially Private SQL with Bounded User Contribution", PETS 2020):
     * keeping the first or the most frequent would bias the counts toward some items. Each kept item's weight
     * is capped at {@code maxPerItem}.
     *
     * @param numItems length of the histogram
     * @return totals per item, each customer's contribution bounded as documented
     */
    public double[] clippedCounts(int[] ptr, int[] items, float[] weights, int numItems, RandomGenerator random) {
        double[] counts = new double[numItems];
        double[] perItem = new double[numItems];
        int[] distinct = new int[Math.min(numItems, longestRow(ptr))];
        int[] kept = new int[maxItems];
        int users = ptr.length - 1;
        for (int u = 0; u < users; u++) {
            int n = 0;
            for (int k = ptr[u]; k < ptr[u + 1]; k++) {
                int item = items[k];
                if (item < 0 || item >= numItems) {
                    throw ValidationException.of("item", "item index " + item + " outside [0, " + numItems + ")");
                }
                float w = weights[k];
                if (!(w >= 0) || Float.isInfinite(w)) {
                    throw ValidationException.of("weight", "expected finite weights >= 0, got " + w);
                }
                if (perItem[item] == 0 && w > 0) {
                    distinct[n++] = item;
                }
                perItem[item] += w;
            }
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (m < maxItems) {
                    kept[m++] = distinct[j];
                } else {
                    int r = random.nextInt(j + 1);
                    if (r < maxItems) {
                        kept[r] = distinct[j];
                    }
                }
            }
            for (int j = 0; j < m; j++) {
                counts[kept[j]] += Math.min(perItem[kept[j]], maxPerItem);
            }
            for (int j = 0; j < n; j++) {
                perItem[distinct[j]] = 0;
            }
        }
        return counts;
    }

    private static int longestRow(int[] ptr) {
        int m = 0;
        for (int u = 0; u + 1 < ptr.length; u++) {
            m = Math.max(m, ptr[u + 1] - ptr[u]);
        }
        return m;
    }
}
