// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.segment;

import dev.tailor.algorithms.common.Training;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.UserFeatures;
import dev.tailor.core.model.Trainer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Counts items per segment from the users' segment memberships in the snapshot's {@link UserFeatures}. Per
 * segment only the items it touched are stored (a sparse row), so many small segments stay cheap.
 */
public final class SegmentPopularityTrainer implements Trainer<SegmentPopularityModel> {
    private final SegmentPopularityConfig config;

    public SegmentPopularityTrainer(SegmentPopularityConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public SegmentPopularityConfig config() {
        return config;
    }

    @Override
    public SegmentPopularityModel train(Snapshot training) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        CsrMatrix m = Training.matrix(training, config.events(), SegmentPopularityConfig.NAME);
        UserFeatures features = training.userFeatures();
        int segments = features.segments().size();
        int items = training.numItems();
        float[] global = config.count().perItem(m);

        // Segment x item counts, built one segment row at a time with a dense accumulator: users are grouped
        // by segment first so that each row is a single sweep.
        int[] members = new int[segments + 1];
        for (int u = 0; u < m.rows(); u++) {
            for (int s : features.segments(u)) {
                members[s + 1]++;
            }
        }
        for (int s = 0; s < segments; s++) {
            members[s + 1] += members[s];
        }
        int[] byUser = new int[members[segments]];
        int[] next = Arrays.copyOf(members, segments);
        for (int u = 0; u < m.rows(); u++) {
            for (int s : features.segments(u)) {
                byUser[next[s]++] = u;
            }
        }
        float[] acc = new float[items];
        int[] ptr = new int[segments + 1];
        int[] idx = new int[16];
        float[] val = new float[16];
        int nnz = 0;
        for (int s = 0; s < segments; s++) {
            for (int p = members[s]; p < members[s + 1]; p++) {
                int u = byUser[p];
                for (int k = m.rowStart(u); k < m.rowEnd(u); k++) {
                    acc[m.col(k)] += config.count().of(m, k);
                }
            }
            for (int i = 0; i < items; i++) {
                if (acc[i] != 0f) {
                    if (nnz == idx.length) {
                        idx = Arrays.copyOf(idx, nnz * 2);
                        val = Arrays.copyOf(val, nnz * 2);
                    }
                    idx[nnz] = i;
                    val[nnz] = acc[i];
                    nnz++;
                    acc[i] = 0f;
                }
            }
            ptr[s + 1] = nnz;
        }
        CsrMatrix perSegment = new CsrMatrix(segments, items, ptr, Arrays.copyOf(idx, nnz), Arrays.copyOf(val, nnz));
        return new SegmentPopularityModel(global, perSegment, config.prior(),
                Training.provenance(SegmentPopularityConfig.NAME, config.toParams(), 0, training, start, t0));
    }
}
