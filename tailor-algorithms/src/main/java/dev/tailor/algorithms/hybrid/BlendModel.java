// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.hybrid;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.common.Explainable;
import dev.tailor.algorithms.common.NestedModels;
import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.common.Scoring;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.UserContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Weighted blend: score(u, i) = sum_c w_c norm(s_c(u, .))(i), each component's scores for the user normalized
 * ({@link ScoreNormalization}) so that the weights, not the models' units, decide the mix. An item any
 * weighted component rules out (-infinity) stays ruled out. Costs one catalog-sized buffer per call besides
 * the components' own work.
 */
public final class BlendModel implements SavableModel, Explainable {
    public static final String NAME = "blend";
    static final int PAYLOAD_VERSION = 1;

    private final List<RecommenderModel> components;
    private final float[] weights;
    private final ScoreNormalization normalization;
    private final Provenance provenance;

    public BlendModel(List<RecommenderModel> components, float[] weights, ScoreNormalization normalization,
            Provenance provenance) {
        if (components.isEmpty() || components.size() != weights.length) {
            throw new IllegalArgumentException(components.size() + " components but " + weights.length + " weights");
        }
        for (RecommenderModel c : components) {
            if (c.itemCount() != components.get(0).itemCount()) {
                throw new IllegalArgumentException("component " + c.name() + " scores " + c.itemCount()
                        + " items, " + components.get(0).name() + " " + components.get(0).itemCount());
            }
        }
        for (float w : weights) {
            if (!(w >= 0) || Float.isInfinite(w)) {
                throw new IllegalArgumentException("blend weights must be finite and >= 0, got " + w);
            }
        }
        this.components = List.copyOf(components);
        this.weights = weights.clone();
        this.normalization = normalization;
        this.provenance = provenance;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int itemCount() {
        return components.get(0).itemCount();
    }

    public List<RecommenderModel> components() {
        return components;
    }

    public float weight(int component) {
        return weights[component];
    }

    public ScoreNormalization normalization() {
        return normalization;
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, itemCount(), NAME);
        Arrays.fill(out, 0f);
        float[] buf = new float[out.length];
        for (int c = 0; c < components.size(); c++) {
            float w = weights[c];
            if (w == 0f) {
                continue;
            }
            components.get(c).scoreAll(user, buf);
            normalization.apply(buf);
            for (int i = 0; i < out.length; i++) {
                out[i] += w * buf[i];
            }
        }
    }

    /** The first weighted component that can explain the item does. */
    @Override
    public Optional<String> explain(UserContext user, int item) {
        for (int c = 0; c < components.size(); c++) {
            if (weights[c] > 0 && components.get(c) instanceof Explainable e) {
                Optional<String> why = e.explain(user, item);
                if (why.isPresent()) {
                    return why;
                }
            }
        }
        return Optional.empty();
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
        out.writeUTF(normalization.spec());
        BinaryIO.writeFloats(out, weights);
        for (RecommenderModel c : components) {
            NestedModels.write(out, c);
        }
    }

    public static BlendModel readPayload(DataInput in, int version, Provenance provenance,
            Function<String, Optional<NestedModels.PayloadReader>> readers) throws IOException {
        BinaryIO.checkPayloadVersion(NAME, version, PAYLOAD_VERSION);
        ScoreNormalization norm;
        try {
            norm = ScoreNormalization.parse(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new TailorException("corrupt model data: unknown blend normalization", e);
        }
        float[] weights = BinaryIO.readFloats(in, -1);
        if (weights.length == 0 || weights.length > 64) {
            throw new TailorException("corrupt model data: blend of " + weights.length + " components");
        }
        List<RecommenderModel> components = new ArrayList<>();
        for (int c = 0; c < weights.length; c++) {
            components.add(NestedModels.read(in, readers));
        }
        return new BlendModel(components, weights, norm, provenance);
    }
}
