// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.common;

import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Steps every trainer shares: refusing empty data, building the weighted matrix, stamping provenance. */
public final class Training {
    private Training() {
    }

    /** Fails with a message naming the snapshot when it holds no interactions at all. */
    public static void requireInteractions(Snapshot snapshot, String algorithm) {
        if (snapshot.interactions().size() == 0 || snapshot.numItems() == 0) {
            throw new ValidationException(new Problem(snapshot.name(), 0, "snapshot",
                    "has no interactions (" + snapshot.numUsers() + " users, " + snapshot.numItems()
                            + " items); " + algorithm + " needs at least one event to train on"));
        }
    }

    /**
     * The user x item matrix under {@code weights}, refusing one without a positive entry (for instance a
     * snapshot of impressions only, which carry no preference).
     */
    public static CsrMatrix matrix(Snapshot snapshot, EventWeights weights, String algorithm) {
        requireInteractions(snapshot, algorithm);
        CsrMatrix m = snapshot.matrix(weights);
        if (m.nnz() == 0) {
            throw new ValidationException(new Problem(snapshot.name(), 0, Events.NAME,
                    "none of the snapshot's " + snapshot.interactions().size() + " events has a positive weight"
                            + " under events=" + Events.format(weights) + "; " + algorithm
                            + " has nothing to learn from"));
        }
        return m;
    }

    /** Provenance for a model whose training began at {@code start} ({@link System#nanoTime} {@code t0}). */
    public static Provenance provenance(String algorithm, Map<String, String> config, long seed, Snapshot data,
            Instant start, long t0) {
        long millis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        return new Provenance(algorithm, config, seed, data.fingerprint(), start, millis);
    }

    /**
     * Scores for items a model has no evidence about: negative, so that they rank below every item with
     * evidence (whose scores are >= 0), and ordered by popularity among themselves, so that a short history
     * still yields a full, sensible list instead of one ordered by item index. Values lie in [-1, 0).
     */
    public static float[] fallbackScores(float[] popularity) {
        double max = 0;
        for (float p : popularity) {
            max = Math.max(max, p);
        }
        float[] out = new float[popularity.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (-1.0 + 0.5 * popularity[i] / (max + 1e-9));
        }
        return out;
    }

    /** Number of distinct users per item (column counts of the matrix). */
    public static float[] userCounts(CsrMatrix userItem) {
        int[] c = userItem.columnCounts();
        float[] f = new float[c.length];
        for (int i = 0; i < c.length; i++) {
            f[i] = c[i];
        }
        return f;
    }
}
