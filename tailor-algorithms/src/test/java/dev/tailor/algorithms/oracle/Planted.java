// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.oracle;

import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small data with a known answer. Users and items fall into {@code groups} taste groups; a user interacts
 * mostly with items of their own group (probability {@code inGroup}) and sometimes with any item, so a model
 * that learns anything ranks a user's unseen own-group items first.
 */
public final class Planted {
    private Planted() {
    }

    /** Group of user or item {@code i} among {@code groups}. */
    public static int group(int i, int groups) {
        return i % groups;
    }

    /**
     * Events: each user gets {@code perUser} distinct items, each an own-group item with probability
     * {@code inGroup}; types are views with an occasional purchase. User and item ids are "u{index}" and
     * "i{index}", and every item occurs in the dictionary in index order.
     */
    public static Snapshot clusters(int users, int items, int groups, int perUser, double inGroup, long seed) {
        Random random = new Random(seed);
        SnapshotBuilder b = new SnapshotBuilder("planted");
        for (int i = 0; i < items; i++) {
            b.upsertItems(List.of(item(i)));
        }
        long time = 1_000_000L;
        for (int u = 0; u < users; u++) {
            boolean[] seen = new boolean[items];
            for (int e = 0; e < perUser; e++) {
                int item;
                do {
                    item = random.nextDouble() < inGroup
                            ? group(u, groups) + groups * random.nextInt(items / groups)
                            : random.nextInt(items);
                } while (seen[item]);
                seen[item] = true;
                int type = random.nextInt(5) == 0 ? EventType.PURCHASE.ordinal() : EventType.VIEW.ordinal();
                b.addEvent("u" + u, "i" + item, type, 1f, time++);
            }
        }
        return b.build();
    }

    /**
     * Ratings {@code 3 + p_u . q_i + noise} (factors Gaussian with variance 1/rank, noise Gaussian with the given
     * standard deviation) for a random {@code density} share of the pairs; {@code outTruth}, if not null,
     * receives the noise-free value of every pair.
     */
    public static Snapshot lowRankRatings(int users, int items, int rank, double density, double noise,
            long seed, double[][] outTruth) {
        Random random = new Random(seed);
        double[][] p = gaussian(users, rank, random);
        double[][] q = gaussian(items, rank, random);
        SnapshotBuilder b = new SnapshotBuilder("low-rank");
        for (int i = 0; i < items; i++) {
            b.upsertItems(List.of(item(i)));
        }
        long time = 1;
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                double s = 3;
                for (int f = 0; f < rank; f++) {
                    s += p[u][f] * q[i][f];
                }
                if (outTruth != null) {
                    outTruth[u][i] = s;
                }
                if (random.nextDouble() < density) {
                    double r = s + noise * random.nextGaussian();
                    b.addEvent("u" + u, "i" + i, EventType.RATING.ordinal(), (float) r, time++);
                }
            }
        }
        return b.build();
    }

    private static double[][] gaussian(int rows, int rank, Random random) {
        double[][] m = new double[rows][rank];
        for (double[] row : m) {
            for (int f = 0; f < rank; f++) {
                row[f] = random.nextGaussian() / Math.sqrt(rank);
            }
        }
        return m;
    }

    private static Item item(int i) {
        return new Item("i" + i, "item " + i, null, null, null, null, null, null, true, null, null, null);
    }

    /** A random sparse matrix with positive weights in [0.5, 5.5), each entry present with {@code density}. */
    public static CsrMatrix randomMatrix(int rows, int cols, double density, Random random) {
        int[] ptr = new int[rows + 1];
        List<Integer> idx = new ArrayList<>();
        List<Float> val = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (random.nextDouble() < density) {
                    idx.add(c);
                    val.add(0.5f + 5 * random.nextFloat());
                }
            }
            ptr[r + 1] = idx.size();
        }
        int[] cols2 = idx.stream().mapToInt(Integer::intValue).toArray();
        float[] vals = new float[val.size()];
        for (int i = 0; i < vals.length; i++) {
            vals[i] = val.get(i);
        }
        return new CsrMatrix(rows, cols, ptr, cols2, vals);
    }

    /** The dense copy of a sparse matrix. */
    public static double[][] dense(CsrMatrix m) {
        double[][] d = new double[m.rows()][m.cols()];
        for (int r = 0; r < m.rows(); r++) {
            for (int k = m.rowStart(r); k < m.rowEnd(r); k++) {
                d[r][m.col(k)] = m.value(k);
            }
        }
        return d;
    }

    /** The snapshot without each user's last event (the held-out item, see {@link #lastItems}). */
    public static Snapshot withoutLast(Snapshot s) {
        dev.tailor.core.data.Interactions in = s.interactions();
        return s.withInteractions(s.name() + "-train", in.filter((u, k) -> k != in.end(u) - 1));
    }

    /** Each user's last item, -1 for a user without events. */
    public static int[] lastItems(Snapshot s) {
        dev.tailor.core.data.Interactions in = s.interactions();
        int[] last = new int[s.numUsers()];
        for (int u = 0; u < last.length; u++) {
            last[u] = in.count(u) == 0 ? -1 : in.item(in.end(u) - 1);
        }
        return last;
    }

    /**
     * Mean over users of the fraction of the user's non-interacted items that the model scores below the user's
     * held-out item: the AUC of the held-out positive (0.5 = chance).
     */
    public static double heldOutAuc(dev.tailor.core.model.RecommenderModel model, Snapshot train, int[] heldOut) {
        double sum = 0;
        int users = 0;
        float[] scores = new float[model.itemCount()];
        for (int u = 0; u < train.numUsers(); u++) {
            if (heldOut[u] < 0) {
                continue;
            }
            int[] history = train.interactions().sequence(u);
            boolean[] seen = new boolean[model.itemCount()];
            for (int i : history) {
                seen[i] = true;
            }
            model.scoreAll(dev.tailor.core.model.UserContext.of(u, history), scores);
            int below = 0;
            int negatives = 0;
            for (int j = 0; j < scores.length; j++) {
                if (!seen[j] && j != heldOut[u]) {
                    negatives++;
                    below += scores[j] < scores[heldOut[u]] ? 1 : 0;
                }
            }
            sum += (double) below / negatives;
            users++;
        }
        return sum / users;
    }
}
