// SPDX-License-Identifier: Apache-2.0
/**
 * Shared machinery of the latent-factor models (ALS, BPR, PMF, EASE): dense vector kernels on flat row-major
 * {@code float[]} factor tables, a fixed worker pool with per-worker scratch, the per-epoch training listener,
 * and divergence checks. Nothing here knows a particular algorithm.
 */
package dev.tailor.algorithms.factor;
