// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.als;

/**
 * What {@link AlsTrainer#fit} learns from a matrix: two factor tables in flat row-major layout
 * ({@code users[u * rank + f]}) and the objective after each iteration. Arrays are handed over, not copied.
 *
 * @param rank latent dimensions
 * @param users row factors, rows x rank
 * @param items column factors, cols x rank
 * @param losses objective value after each iteration (regularization included)
 * @param iterationNanos wall time of each iteration, loss computation included
 */
public record AlsFactors(int rank, float[] users, float[] items, double[] losses, long[] iterationNanos) {
    public AlsFactors {
        if (rank <= 0 || users.length % rank != 0 || items.length % rank != 0
                || losses.length != iterationNanos.length) {
            throw new IllegalArgumentException("inconsistent ALS factors: rank " + rank + ", " + users.length
                    + " user and " + items.length + " item values");
        }
    }

    public int numUsers() {
        return users.length / rank;
    }

    public int numItems() {
        return items.length / rank;
    }
}
