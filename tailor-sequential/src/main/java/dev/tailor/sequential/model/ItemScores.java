// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.model;

/** Scores of all items for a block of hidden vectors: {@code out[b][i] = h_b . E_i}. */
public final class ItemScores {
    /** Users per pass over the item table: 16 hidden vectors of width 64 stay in L1. */
    private static final int USER_BLOCK = 16;

    private ItemScores() {
    }

    /**
     * @param theta parameters whose first {@code items * d} floats are the item embeddings
     * @param hidden {@code users x d}
     * @param out {@code users x items}
     */
    public static void scoreBlock(float[] theta, int items, int d, float[] hidden, int users, float[] out) {
        for (int b0 = 0; b0 < users; b0 += USER_BLOCK) {
            int b1 = Math.min(users, b0 + USER_BLOCK);
            for (int i = 0; i < items; i++) {
                int e = i * d;
                for (int b = b0; b < b1; b++) {
                    out[b * items + i] = Kernels.dot(hidden, b * d, theta, e, d);
                }
            }
        }
    }
}
