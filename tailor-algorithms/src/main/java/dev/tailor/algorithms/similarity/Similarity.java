// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.similarity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How two sparse vectors' overlap becomes a similarity; see {@link SimilarityMeasure} for the formulas. */
public enum Similarity {
    COSINE("cosine"),
    /** Tanimoto (extended Jaccard): equals Jaccard on 0/1 vectors and stays defined for weighted ones. */
    JACCARD("jaccard"),
    /** Aiolli's asymmetric cosine (RecSys 2013), as in RecBole and in Dacrema et al.'s ItemKNN-CF. */
    ASYMMETRIC("asymmetric");

    private final String specName;

    Similarity(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    public static List<String> specNames() {
        return Arrays.stream(values()).map(Similarity::specName).toList();
    }

    public static Similarity parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Similarity s : values()) {
            if (s.specName.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown similarity '" + text + "'");
    }
}
