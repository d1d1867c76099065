// SPDX-License-Identifier: Apache-2.0
/**
 * Splits of a {@link dev.tailor.core.data.Snapshot} into train, validation and test:
 * {@link dev.tailor.eval.split.LeaveLastOut}, {@link dev.tailor.eval.split.RatioHoldout},
 * {@link dev.tailor.eval.split.KFold}, {@link dev.tailor.eval.split.TemporalSplit}, with
 * {@link dev.tailor.eval.split.DataFilters} (rating threshold, iterative k-core) applied first, and the CLI's
 * spec syntax in {@link dev.tailor.eval.split.SplitSpec}. Every split is deterministic given its seed, and its
 * parts are disjoint by construction (each event gets exactly one part code).
 */
package dev.tailor.eval.split;
