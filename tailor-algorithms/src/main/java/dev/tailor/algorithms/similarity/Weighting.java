// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.similarity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Re-weighting of the interaction matrix before similarities are computed; see {@link FeatureWeighting}. */
public enum Weighting {
    NONE("none"),
    TFIDF("tfidf"),
    BM25("bm25");

    private final String specName;

    Weighting(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    public static List<String> specNames() {
        return Arrays.stream(values()).map(Weighting::specName).toList();
    }

    public static Weighting parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Weighting w : values()) {
            if (w.specName.equals(t)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown weighting '" + text + "'");
    }
}
