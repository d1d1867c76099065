// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.split;

import dev.tailor.core.data.Snapshot;

/**
 * Partitions a snapshot's events into train, optional validation and test. Implementations are immutable and
 * deterministic: the same data and settings (seed included) give the same split, whatever the thread count or
 * the JVM run.
 */
public sealed interface Splitter permits LeaveLastOut, RatioHoldout, KFold, TemporalSplit {
    Split split(Snapshot data);

    /** The splitter in spec syntax, e.g. {@code holdout:ratio=0.8/0.1/0.1,seed=42,order=random}. */
    String spec();
}
