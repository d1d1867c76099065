// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.common;

/** Argument checks shared by {@code scoreAll} implementations. */
public final class Scoring {
    private Scoring() {
    }

    /** Fails when the output buffer does not have one slot per item. */
    public static void checkOutput(float[] out, int itemCount, String model) {
        if (out.length != itemCount) {
            throw new IllegalArgumentException(model + " scores " + itemCount + " items but the output buffer has "
                    + out.length + " slots");
        }
    }

    /** Whether a history entry can be used: an item the model knows, with a positive finite weight. */
    public static boolean usable(int item, float weight, int itemCount) {
        return item >= 0 && item < itemCount && weight > 0 && weight < Float.POSITIVE_INFINITY;
    }
}
