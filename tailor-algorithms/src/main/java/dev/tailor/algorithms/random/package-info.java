// SPDX-License-Identifier: Apache-2.0
/**
 * The random baseline: a seeded, per-user deterministic shuffle of the catalog. It is the floor every other
 * model must clear, and a check that an evaluation does not reward a model for nothing.
 */
package dev.tailor.algorithms.random;
