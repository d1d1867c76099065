// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.als;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.common.Scoring;
import dev.tailor.algorithms.factor.DenseSolve;
import dev.tailor.algorithms.factor.Provenances;
import dev.tailor.algorithms.factor.Vectors;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.UserContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Scores {@code x_u . y_i}. For a user whose context holds exactly as many events as at training time the
 * trained factors are used; for anyone else (a visitor unknown at training, a customer with events posted
 * since) the user's factors are folded in: the user's row of the ALS objective is solved exactly against the
 * fixed item factors from the context's items and weights (Hu et al. 2008, section 5), so serving reacts to
 * an event posted a second ago. A fold-in costs O(h k^2 + k^3) for h distinct history items, about as much as
 * scoring a few thousand items. With {@code recency} below 1 every context is folded in, its entry p steps before
 * the latest weighted recency^p, so the latest events count most. A context without a usable item falls back to
 * the trained factors of a known user or, for a visitor, to popularity order (negative scores in [-1, 0)).
 *
 * <p>The context's weights play the role of the training matrix's values: callers should weight events as the
 * model's {@code events} setting did (it is in the provenance).
 */
public final class AlsModel implements SavableModel {
    static final int PAYLOAD_VERSION = 1;

    private final int rank;
    private final float[] users;
    private final float[] items;
    private final int[] historyLengths;
    private final float[] fallback;
    private final float alpha;
    private final float reg;
    private final float recency;
    private final Provenance provenance;
    /** {@code Y^T Y + reg I} in double, the shared part of every fold-in; derived, not saved. */
    private final double[] gram;

    /**
     * @param users user factors, numUsers x rank (taken over)
     * @param items item factors, numItems x rank (taken over)
     * @param historyLengths events per user at training time, to tell whether a context has changed since
     * @param fallback per-item scores in [-1, 0) for a visitor without usable history
     * @param recency in (0, 1]; below 1, every context is folded in with entry p steps before the latest
     *     weighted recency^p
     */
    public AlsModel(int rank, float[] users, float[] items, int[] historyLengths, float[] fallback, float alpha,
            float reg, float recency, Provenance provenance) {
        if (rank <= 0 || users.length != historyLengths.length * rank || items.length != fallback.length * rank) {
            throw new IllegalArgumentException("inconsistent ALS model: rank " + rank + ", " + users.length
                    + " user values for " + historyLengths.length + " users, " + items.length
                    + " item values for " + fallback.length + " items");
        }
        if (!(alpha >= 0) || !(reg >= 0) || Float.isInfinite(alpha) || Float.isInfinite(reg)) {
            throw new IllegalArgumentException("alpha and reg must be finite and >= 0, were " + alpha + ", " + reg);
        }
        if (!(recency > 0 && recency <= 1)) {
            throw new IllegalArgumentException("recency must be in (0, 1], was " + recency);
        }
        this.rank = rank;
        this.users = users;
        this.items = items;
        this.historyLengths = historyLengths;
        this.fallback = fallback;
        this.alpha = alpha;
        this.reg = reg;
        this.recency = recency;
        this.provenance = provenance;
        this.gram = itemGram(items, rank, reg);
    }

    private static double[] itemGram(float[] items, int k, double reg) {
        double[] g = new double[k * k];
        for (int base = 0; base < items.length; base += k) {
            for (int f = 0; f < k; f++) {
                double yf = items[base + f];
                for (int h = 0; h <= f; h++) {
                    g[f * k + h] += yf * items[base + h];
                }
            }
        }
        for (int f = 0; f < k; f++) {
            g[f * k + f] += reg;
        }
        return g;
    }

    @Override
    public String name() {
        return AlsConfig.NAME;
    }

    @Override
    public int itemCount() {
        return fallback.length;
    }

    public int userCount() {
        return historyLengths.length;
    }

    public int rank() {
        return rank;
    }

    /**
     * The same factors scored with another recency: a scoring-time setting, so tuning it needs no retraining
     * (the tables are shared, not copied).
     */
    public AlsModel withRecency(double newRecency) {
        return new AlsModel(rank, users, items, historyLengths, fallback, alpha, reg, (float) newRecency,
                Provenances.with(provenance, "recency", newRecency));
    }

    /** A copy of the item's factor vector (for similar-item lookups and vector indexes). */
    public float[] itemVector(int item) {
        return Arrays.copyOfRange(items, item * rank, (item + 1) * rank);
    }

    /**
     * The factor vector the model scores this context with (trained or folded in), or empty for a visitor
     * without usable history.
     */
    public Optional<float[]> userVector(UserContext user) {
        int u = user.user();
        boolean known = u >= 0 && u < historyLengths.length;
        if (unchanged(user)) {
            return Optional.of(Arrays.copyOfRange(users, u * rank, (u + 1) * rank));
        }
        float[] x = new float[rank];
        if (foldIn(user, x)) {
            return Optional.of(x);
        }
        return known ? Optional.of(Arrays.copyOfRange(users, u * rank, (u + 1) * rank))
                : Optional.empty();
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, fallback.length, name());
        int u = user.user();
        boolean known = u >= 0 && u < historyLengths.length;
        if (unchanged(user)) {
            Vectors.scoreRows(users, u * rank, items, rank, out);
            return;
        }
        float[] x = new float[rank];
        if (foldIn(user, x)) {
            Vectors.scoreRows(x, 0, items, rank, out);
        } else if (known) {
            Vectors.scoreRows(users, u * rank, items, rank, out);
        } else {
            System.arraycopy(fallback, 0, out, 0, fallback.length);
        }
    }

    /**
     * Whether the trained factors stand for this context: a known user with as many events as at training time,
     * and no recency weighting (which the trained factors do not have).
     */
    private boolean unchanged(UserContext user) {
        int u = user.user();
        return recency == 1f && u >= 0 && u < historyLengths.length && user.historyLength() == historyLengths[u];
    }

    /**
     * Solves the user's row of the ALS objective from the context, merging repeated items (their weights add
     * up, as in the training matrix) after weighting entry p steps before the latest by recency^p.
     *
     * @return false when the context has no usable entry
     */
    boolean foldIn(UserContext user, float[] x) {
        int[] its = user.items();
        float[] ws = user.weights();
        // (item << 32 | position) sorts entries by item and keeps each item's entries together.
        long[] keys = new long[its.length];
        float[] decayed = new float[its.length];
        int m = 0;
        double decay = 1;
        for (int h = its.length - 1; h >= 0; h--, decay *= recency) {
            if (Scoring.usable(its[h], ws[h], fallback.length)) {
                keys[m++] = ((long) its[h] << 32) | h;
                decayed[h] = (float) (ws[h] * decay);
            }
        }
        if (m == 0) {
            return false;
        }
        Arrays.sort(keys, 0, m);
        int k = rank;
        double[] a = gram.clone();
        double[] b = new double[k];
        int i = 0;
        while (i < m) {
            int item = (int) (keys[i] >>> 32);
            double w = 0;
            while (i < m && (int) (keys[i] >>> 32) == item) {
                w += decayed[(int) keys[i]];
                i++;
            }
            RowSolver.addObservation(a, b, items, item * k, k, alpha * w);
        }
        if (!DenseSolve.choleskySolve(a, b, k)) {
            return false;
        }
        for (int f = 0; f < k; f++) {
            x[f] = (float) b[f];
        }
        return true;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public int payloadVersion() {
        return PAYLOAD_VERSION;
    }

    @Override
    public void writePayload(DataOutput out) throws IOException {
        out.writeInt(rank);
        out.writeFloat(alpha);
        out.writeFloat(reg);
        out.writeFloat(recency);
        BinaryIO.writeInts(out, historyLengths);
        BinaryIO.writeFloats(out, fallback);
        BinaryIO.writeFloats(out, users);
        BinaryIO.writeFloats(out, items);
    }

    public static AlsModel readPayload(DataInput in, int version, Provenance provenance) throws IOException {
        BinaryIO.checkPayloadVersion(AlsConfig.NAME, version, PAYLOAD_VERSION);
        int rank = in.readInt();
        float alpha = in.readFloat();
        float reg = in.readFloat();
        float recency = in.readFloat();
        if (rank <= 0 || rank > AlsConfig.MAX_RANK) {
            throw new TailorException("corrupt model data: als rank " + rank);
        }
        int[] history = BinaryIO.readInts(in, -1);
        float[] fallback = BinaryIO.readFloats(in, -1);
        float[] users = BinaryIO.readFloats(in, history.length * rank);
        float[] items = BinaryIO.readFloats(in, fallback.length * rank);
        return new AlsModel(rank, users, items, history, fallback, alpha, reg, recency, provenance);
    }
}
