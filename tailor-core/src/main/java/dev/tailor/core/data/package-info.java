// SPDX-License-Identifier: Apache-2.0
/**
 * Training data on dense ids: {@link dev.tailor.core.data.Snapshot} (built by
 * {@link dev.tailor.core.data.SnapshotBuilder}), its columnar {@link dev.tailor.core.data.Interactions}, weighted
 * {@link dev.tailor.core.data.CsrMatrix} views and feature columns. Hot loops read these arrays directly.
 */
package dev.tailor.core.data;
