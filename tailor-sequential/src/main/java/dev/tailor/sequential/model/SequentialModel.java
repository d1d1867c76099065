// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.model;

import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.core.data.EventWeights;
import dev.tailor.sequential.SequentialModels;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.UserContext;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * A trained next-item model: an encoder and its parameters. It scores from the user's sequence alone (the
 * {@link UserContext}'s time-ordered items, which serving extends with events posted seconds ago), so known
 * customers, customers unknown at training time and anonymous sessions ({@link #scoreSession}) are all the
 * same call. Input is cleaned by {@link Sequences#clean} (unknown items and weight-0 entries dropped,
 * back-to-back repeats collapsed, only the newest N kept); an empty result scores items by training
 * popularity. Immutable and thread-safe: per-thread scratch memory lives in a {@link ThreadLocal}.
 */
public final class SequentialModel implements SavableModel {
    private final SequenceEncoder encoder;
    private final float[] theta;
    private final float[] popularity;
    private final boolean collapseRepeats;
    private final EventWeights events;
    private final Provenance provenance;
    private final List<EpochStats> log;
    private final ThreadLocal<Scratch> scratch;

    /** Takes ownership of the arrays. */
    public SequentialModel(SequenceEncoder encoder, float[] theta, float[] popularity, boolean collapseRepeats,
            EventWeights events, Provenance provenance, List<EpochStats> log) {
        if (theta.length != encoder.parameterCount() || popularity.length != encoder.itemCount()) {
            throw new IllegalArgumentException("parameters do not fit the encoder");
        }
        this.encoder = encoder;
        this.theta = theta;
        this.popularity = popularity;
        this.collapseRepeats = collapseRepeats;
        this.events = events;
        this.provenance = provenance;
        this.log = List.copyOf(log);
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(encoder.newWorkspace()));
    }

    @Override
    public String name() {
        return encoder.kind();
    }

    @Override
    public int itemCount() {
        return encoder.itemCount();
    }

    @Override
    public int payloadVersion() {
        return SequentialModels.PAYLOAD_VERSION;
    }

    /** The body of a {@link SequentialModels} file; a registry model file frames it with its own checksum. */
    @Override
    public void writePayload(DataOutput out) throws IOException {
        SequentialModels.writePayload(this, out);
    }

    public SequenceEncoder encoder() {
        return encoder;
    }

    public int maxLength() {
        return encoder.maxLength();
    }

    public boolean collapseRepeats() {
        return collapseRepeats;
    }

    public EventWeights events() {
        return events;
    }

    /** The learning curve, one entry per epoch trained (empty for a model read from a file without one). */
    public List<EpochStats> trainingLog() {
        return log;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        score(Sequences.clean(user.items(), user.weights(), itemCount(), maxLength(), collapseRepeats), out);
    }

    /**
     * Session-based mode: scores the next item after {@code items} (dense indices, oldest first) with no
     * customer behind them, e.g. an anonymous visitor's clicks in this session.
     */
    public void scoreSession(int[] items, float[] out) {
        score(Sequences.clean(items, null, itemCount(), maxLength(), collapseRepeats), out);
    }

    /**
     * The hidden state after {@code items} (already cleaned, 1..N entries): the query vector whose dot
     * product with an item's embedding is that item's score.
     */
    public void encode(int[] items, float[] hidden) {
        Scratch s = scratch.get();
        encoder.forward(theta, items, 0, items.length, false, null, s.ws);
        System.arraycopy(s.ws.output(), (items.length - 1) * encoder.dim(), hidden, 0, encoder.dim());
    }

    /**
     * Batch inference: {@code out[b * itemCount + i]} is the score of item i after {@code sequences[b]}.
     * Item embeddings are streamed once per block of users instead of once per user, which is what makes
     * evaluation over tens of thousands of users cache-friendly.
     */
    public void scoreBatch(int[][] sequences, float[] out) {
        int d = encoder.dim();
        int n = itemCount();
        float[] hidden = new float[sequences.length * d];
        boolean[] empty = new boolean[sequences.length];
        for (int b = 0; b < sequences.length; b++) {
            int[] seq = Sequences.clean(sequences[b], null, n, maxLength(), collapseRepeats);
            if (seq.length == 0) {
                empty[b] = true;
                continue;
            }
            Scratch s = scratch.get();
            encoder.forward(theta, seq, 0, seq.length, false, null, s.ws);
            System.arraycopy(s.ws.output(), (seq.length - 1) * d, hidden, b * d, d);
        }
        ItemScores.scoreBlock(theta, n, d, hidden, sequences.length, out);
        for (int b = 0; b < sequences.length; b++) {
            if (empty[b]) {
                System.arraycopy(popularity, 0, out, b * n, n);
            }
        }
    }

    private void score(int[] seq, float[] out) {
        if (out.length != itemCount()) {
            throw new IllegalArgumentException("out must have one slot per item (" + itemCount() + "), has "
                    + out.length);
        }
        if (seq.length == 0) {
            System.arraycopy(popularity, 0, out, 0, popularity.length);
            return;
        }
        Scratch s = scratch.get();
        encoder.forward(theta, seq, 0, seq.length, false, null, s.ws);
        int d = encoder.dim();
        float[] h = s.ws.output();
        int ho = (seq.length - 1) * d;
        for (int i = 0; i < out.length; i++) {
            out[i] = Kernels.dot(h, ho, theta, i * d, d);
        }
    }

    /** A copy of the parameters (layout: {@link SequenceEncoder}). */
    public float[] parameters() {
        return theta.clone();
    }

    /** A copy of the empty-sequence fallback scores (log of 1 + training count per item). */
    public float[] popularity() {
        return popularity.clone();
    }

    private record Scratch(SequenceEncoder.Workspace ws) {
    }
}
