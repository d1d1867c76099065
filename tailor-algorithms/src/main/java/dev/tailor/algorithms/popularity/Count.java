// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.popularity;

import dev.tailor.core.data.CsrMatrix;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What "popular" counts; shared by global and per-segment popularity. */
public enum Count {
    /** Distinct users per item: one enthusiastic user cannot make an item popular. */
    USERS("users"),
    /** Sum of the user x item matrix entries, i.e. of event weights (purchase 5, cart 3, view 1 by default). */
    WEIGHTED("weighted");

    private final String specName;

    Count(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    public static List<String> specNames() {
        return Arrays.stream(values()).map(Count::specName).toList();
    }

    public static Count parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Count c : values()) {
            if (c.specName.equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown count '" + text + "'");
    }

    /** What one stored matrix entry contributes to its item's count. */
    public float of(CsrMatrix userItem, int k) {
        return this == USERS ? 1f : userItem.value(k);
    }

    /** Count per item over the whole matrix. */
    public float[] perItem(CsrMatrix userItem) {
        float[] c = new float[userItem.cols()];
        for (int k = 0; k < userItem.nnz(); k++) {
            c[userItem.col(k)] += of(userItem, k);
        }
        return c;
    }
}
