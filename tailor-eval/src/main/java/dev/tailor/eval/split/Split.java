// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.split;

import dev.tailor.core.data.Snapshot;
import java.util.Objects;
import java.util.Optional;

/**
 * One partition of a dataset's events into train, optional validation and test parts. Every part is a
 * {@link Snapshot} over the same user and item dictionaries as the source, so dense indices agree across parts
 * and users absent from a part simply have no events there. The parts are disjoint sets of events.
 *
 * @param train what models learn from
 * @param validation events for tuning and early stopping; empty when the split carves none
 * @param test held-out events the metrics are computed on
 * @param description the split in spec syntax plus its filters, for reports
 */
public record Split(Snapshot train, Optional<Snapshot> validation, Snapshot test, String description) {
    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(description, "description");
    }

    /** Number of users with at least one test event. */
    public int testUserCount() {
        int n = 0;
        for (int u = 0; u < test.numUsers(); u++) {
            if (test.interactions().count(u) > 0) {
                n++;
            }
        }
        return n;
    }
}
