// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.split;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;

/**
 * Per-user leave-last-out by time, the protocol of SASRec, S3-Rec and ICLRec: each user's last event goes to
 * test and, with {@code validation}, the second-last to validation; the rest trains. "Last" is the snapshot's
 * order (time, ties by input position). Users too short to give up an event keep everything in train: one event
 * stays in train; with validation, a user with two events gives the last to test and none to validation.
 *
 * @param validation whether the second-last event goes to validation
 */
public record LeaveLastOut(boolean validation) implements Splitter {
    @Override
    public Split split(Snapshot data) {
        Interactions in = data.interactions();
        byte[] part = new byte[in.size()];
        for (int u = 0; u < in.numUsers(); u++) {
            int s = in.start(u);
            int e = in.end(u);
            if (e - s >= 2) {
                part[e - 1] = Assignment.TEST;
                if (validation && e - s >= 3) {
                    part[e - 2] = Assignment.VALIDATION;
                }
            }
        }
        return Assignment.build(data, part, spec());
    }

    @Override
    public String spec() {
        return validation ? "loo:valid=true" : "loo";
    }
}
