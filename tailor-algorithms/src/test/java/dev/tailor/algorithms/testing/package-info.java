// SPDX-License-Identifier: Apache-2.0
/** Builders of small snapshots and contexts for the algorithm tests. */
package dev.tailor.algorithms.testing;
