// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.factor;

/**
 * Receives one {@link Epoch} per finished epoch, on the training thread, between epochs (so it sees a
 * consistent state and may be slow without racing the workers). Learning curves and progress bars hook in
 * here; throwing stops training with that exception.
 */
@FunctionalInterface
public interface EpochListener {
    /** Ignores every epoch. */
    EpochListener NONE = e -> { };

    void onEpoch(Epoch epoch);
}
