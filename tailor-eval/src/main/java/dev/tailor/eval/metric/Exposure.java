// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.metric;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Properties of all recommendation lists together, from how often each item was shown in the top K.
 */
public final class Exposure {
    private Exposure() {
    }

    /**
     * Catalog coverage: the share of rankable items that appear in at least one list.
     *
     * @param counts exposures per item
     * @param rankable the items that could have been recommended
     */
    public static double coverage(int[] counts, BitSet rankable) {
        int n = rankable.cardinality();
        if (n == 0) {
            return Double.NaN;
        }
        int shown = 0;
        for (int i = rankable.nextSetBit(0); i >= 0; i = rankable.nextSetBit(i + 1)) {
            if (counts[i] > 0) {
                shown++;
            }
        }
        return (double) shown / n;
    }

    /**
     * Gini index of exposure over the rankable items, zeros included (RecBole's GiniIndex): with the n counts
     * sorted ascending as c_1..c_n, G = sum_j (2j - n - 1) c_j / (n sum_j c_j). 0 when every item is shown
     * equally often, approaching 1 when a single item takes every slot; NaN when nothing was shown.
     */
    public static double gini(int[] counts, BitSet rankable) {
        int n = rankable.cardinality();
        long[] c = new long[n];
        int j = 0;
        long total = 0;
        for (int i = rankable.nextSetBit(0); i >= 0; i = rankable.nextSetBit(i + 1)) {
            c[j++] = counts[i];
            total += counts[i];
        }
        if (total == 0) {
            return Double.NaN;
        }
        Arrays.sort(c);
        double s = 0;
        for (int r = 0; r < n; r++) {
            s += (2.0 * (r + 1) - n - 1) * c[r];
        }
        return s / ((double) n * total);
    }
}
