// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

/** Small vector helpers on primitive arrays, shared by the encoders and their callers. */
public final class Vectors {
    private Vectors() {
    }

    /**
     * Scales {@code v} to unit Euclidean length in place. The norm is accumulated in double so that 512 small
     * squares do not lose precision; an all-zero vector stays all zero (there is no direction to keep).
     */
    public static void l2NormalizeInPlace(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum == 0) {
            return;
        }
        float inv = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
    }

    /** Dot product, accumulated in double; for unit vectors it is the cosine similarity. */
    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vector lengths differ: " + a.length + " vs " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /** Cosine similarity; 0 when either vector is all zero (no text, no similarity). */
    public static double cosine(float[] a, float[] b) {
        double ab = dot(a, b);
        double aa = dot(a, a);
        double bb = dot(b, b);
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }
}
