// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.hybrid;

import java.util.Locale;

/**
 * Puts one model's scores for one user on a common scale before they are blended or switched: scores of
 * different models have unrelated units (an EASE score, a probability, a share). Computed over the finite
 * scores only; a score that is NaN or -infinity (the model ruled the item out) becomes -infinity and stays so.
 */
public enum ScoreNormalization {
    /** (s - mean) / standard deviation: robust to a few extreme items, the default. */
    ZSCORE,
    /** (s - min) / (max - min), into [0, 1]: the server's candidate sources' convention. */
    MINMAX;

    /** Spec name: "zscore", "minmax". */
    public String spec() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScoreNormalization parse(String spec) {
        return valueOf(spec.trim().toUpperCase(Locale.ROOT));
    }

    /** Normalizes in place; a constant score vector becomes all zeros. */
    public void apply(float[] s) {
        double sum = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            float v = s[i];
            if (finite(v)) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                n++;
            } else if (!(v > Float.NEGATIVE_INFINITY)) {
                s[i] = Float.NEGATIVE_INFINITY;
            }
        }
        double shift;
        double scale;
        if (this == ZSCORE) {
            double mean = n == 0 ? 0 : sum / n;
            // Two passes: sum of squares minus squared mean cancels badly when scores sit far from zero.
            double ss = 0;
            for (float v : s) {
                if (finite(v)) {
                    ss += (v - mean) * (v - mean);
                }
            }
            shift = mean;
            scale = ss > 0 ? 1 / Math.sqrt(ss / n) : 0;
        } else {
            shift = min;
            scale = max > min ? 1.0 / ((double) max - min) : 0;
        }
        for (int i = 0; i < s.length; i++) {
            if (finite(s[i])) {
                s[i] = (float) ((s[i] - shift) * scale);
            }
        }
    }

    private static boolean finite(float v) {
        return v > Float.NEGATIVE_INFINITY && v < Float.POSITIVE_INFINITY;
    }
}
