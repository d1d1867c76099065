// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.neumf;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.common.Scoring;
import dev.tailor.algorithms.factor.Vectors;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.UserContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Scores the network's logit for every item. Scoring a whole catalog reuses two things: the first layer's
 * weights split into a user half and an item half, so the item half times each item's embedding (plus the bias)
 * is computed once at construction and the user half once per call; and the output weights fold into the user's
 * GMF vector. Per item that leaves one add per first-layer unit and the deeper, narrower layers. NeuMF has no
 * fold-in: a user unknown at training time gets popularity order (negative scores in [-1, 0)).
 */
public final class NeuMfModel implements SavableModel {
    static final int PAYLOAD_VERSION = 1;

    private final Network net;
    private final float[] fallback;
    private final Provenance provenance;
    /** Per item: item half of layer 0 times the item's MLP embedding, plus layer 0's bias. */
    private final float[] itemFirstLayer;

    NeuMfModel(Network net, float[] fallback, Provenance provenance) {
        if (fallback.length != net.numItems) {
            throw new IllegalArgumentException("fallback has " + fallback.length + " items, network "
                    + net.numItems);
        }
        this.net = net;
        this.fallback = fallback;
        this.provenance = provenance;
        int w0 = net.widths[0];
        int m = net.mlpDim;
        int in = 2 * m;
        itemFirstLayer = new float[net.numItems * w0];
        for (int i = 0; i < net.numItems; i++) {
            for (int h = 0; h < w0; h++) {
                itemFirstLayer[i * w0 + h] = net.biases[0][h]
                        + Vectors.dot(net.weights[0], h * in + m, net.itemMlp, i * m, m);
            }
        }
    }

    @Override
    public String name() {
        return NeuMfConfig.NAME;
    }

    @Override
    public int itemCount() {
        return net.numItems;
    }

    /** The network's logit for one pair (the probability's log-odds), via the plain forward pass. */
    public float logit(int user, int item) {
        float[][] z = new float[net.layers() + 1][];
        z[0] = new float[2 * net.mlpDim];
        for (int l = 0; l < net.layers(); l++) {
            z[l + 1] = new float[net.widths[l]];
        }
        return net.forward(user, item, z, new float[net.factors]);
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, net.numItems, name());
        int u = user.user();
        if (u < 0 || u >= net.numUsers) {
            System.arraycopy(fallback, 0, out, 0, fallback.length);
            return;
        }
        int g = net.factors;
        int m = net.mlpDim;
        int layers = net.layers();
        int w0 = net.widths[0];
        float[] gmf = new float[g];
        for (int f = 0; f < g; f++) {
            gmf[f] = net.outGmf[f] * net.userGmf[u * g + f];
        }
        float[] userFirst = new float[w0];
        for (int h = 0; h < w0; h++) {
            userFirst[h] = Vectors.dot(net.weights[0], h * 2 * m, net.userMlp, u * m, m);
        }
        float[][] z = new float[layers][];
        for (int l = 0; l < layers; l++) {
            z[l] = new float[net.widths[l]];
        }
        for (int i = 0; i < out.length; i++) {
            float[] h0 = z[0];
            int base = i * w0;
            for (int h = 0; h < w0; h++) {
                float s = userFirst[h] + itemFirstLayer[base + h];
                h0[h] = s > 0f ? s : 0f;
            }
            for (int l = 1; l < layers; l++) {
                int in = net.widths[l - 1];
                float[] w = net.weights[l];
                float[] b = net.biases[l];
                for (int h = 0; h < net.widths[l]; h++) {
                    float s = b[h] + Vectors.dot(w, h * in, z[l - 1], 0, in);
                    z[l][h] = s > 0f ? s : 0f;
                }
            }
            out[i] = net.outBias[0] + Vectors.dot(gmf, 0, net.itemGmf, i * g, g)
                    + Vectors.dot(net.outMlp, 0, z[layers - 1], 0, net.outMlp.length);
        }
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
        BinaryIO.writeFloats(out, fallback);
        net.write(out);
    }

    public static NeuMfModel readPayload(DataInput in, int version, Provenance provenance) throws IOException {
        BinaryIO.checkPayloadVersion(NeuMfConfig.NAME, version, PAYLOAD_VERSION);
        float[] fallback = BinaryIO.readFloats(in, -1);
        return new NeuMfModel(Network.read(in), fallback, provenance);
    }
}
