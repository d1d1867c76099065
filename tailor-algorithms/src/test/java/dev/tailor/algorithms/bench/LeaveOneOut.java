// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.bench;

import dev.tailor.algorithms.common.Parallel;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Leave-one-out full ranking. {@code holdout = 2}: validation (train on all but the last two items, predict
 * the second-last); {@code holdout = 1}: test (train on all but the last, predict the last). Every item of the
 * file is in the item space, so a target never seen in training simply cannot be hit.
 */
final class LeaveOneOut {
    private LeaveOneOut() {
    }

    /** A training snapshot plus each user's scoring history and held-out target. */
    record Split(Snapshot train, int[][] histories, int[] targets) {
    }

    record Metrics(double hr5, double hr10, double hr20, double ndcg5, double ndcg10, double ndcg20, int users) {
        @Override
        public String toString() {
            return String.format("HR@5 %.4f HR@10 %.4f HR@20 %.4f NDCG@5 %.4f NDCG@10 %.4f NDCG@20 %.4f (%d users)",
                    hr5, hr10, hr20, ndcg5, ndcg10, ndcg20, users);
        }
    }

    static Split split(S3Rec data, int holdout) {
        SnapshotBuilder b = new SnapshotBuilder(data.name() + "-loo" + holdout);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < data.items().size(); i++) {
            String id = data.items().id(i);
            items.add(new Item(id, id, null, null, null, null, null, null, true, null, null, null));
        }
        b.upsertItems(items);
        int n = data.sequences().length;
        int[][] histories = new int[n][];
        int[] targets = new int[n];
        for (int u = 0; u < n; u++) {
            int[] seq = data.sequences()[u];
            int cut = Math.max(0, seq.length - holdout);
            histories[u] = Arrays.copyOf(seq, cut);
            targets[u] = cut < seq.length ? seq[cut] : -1;
            for (int p = 0; p < cut; p++) {
                // Views (weight 1 under the default event weights) keep the matrix 0/1, so shrink values read
                // in the same units as on any binary data set; synthetic timestamps keep the order only.
                b.addEvent(data.users().get(u), data.items().id(seq[p]), EventType.VIEW.ordinal(), 1f,
                        (long) u * 1000 + p);
            }
        }
        Snapshot s = b.build();
        // Users were added in file order, so dense user u is line u (users with an empty history still appear
        // in the dictionary only if they had an event; the files are 5-core so everyone has one).
        if (s.numUsers() != n || s.numItems() != data.items().size()) {
            throw new IllegalStateException("unexpected dictionary sizes");
        }
        return new Split(s, histories, targets);
    }

    static Metrics evaluate(RecommenderModel model, Split split, int threads) {
        int n = split.targets().length;
        double[][] perChunk = new double[Parallel.chunkCount(n, 256)][7];
        Parallel.forChunks(n, 256, threads, () -> new float[model.itemCount()], (scores, chunk, from, to) -> {
            double[] acc = perChunk[chunk];
            for (int u = from; u < to; u++) {
                int target = split.targets()[u];
                if (target < 0) {
                    continue;
                }
                int[] history = split.histories()[u];
                float[] w = new float[history.length];
                Arrays.fill(w, 1f);
                model.scoreAll(new UserContext(u, history, w, new int[0]), scores);
                BitSet mask = new BitSet(model.itemCount());
                for (int i : history) {
                    mask.set(i);
                }
                int[] top = TopK.select(scores, 20, mask);
                int rank = -1;
                for (int r = 0; r < top.length; r++) {
                    if (top[r] == target) {
                        rank = r;
                        break;
                    }
                }
                acc[6]++;
                if (rank >= 0) {
                    double gain = 1 / (Math.log(rank + 2) / Math.log(2));
                    acc[0] += rank < 5 ? 1 : 0;
                    acc[1] += rank < 10 ? 1 : 0;
                    acc[2] += 1;
                    acc[3] += rank < 5 ? gain : 0;
                    acc[4] += rank < 10 ? gain : 0;
                    acc[5] += gain;
                }
            }
        });
        double[] t = new double[7];
        for (double[] c : perChunk) {
            for (int j = 0; j < 7; j++) {
                t[j] += c[j];
            }
        }
        double users = t[6];
        return new Metrics(t[0] / users, t[1] / users, t[2] / users, t[3] / users, t[4] / users, t[5] / users,
                (int) users);
    }
}
