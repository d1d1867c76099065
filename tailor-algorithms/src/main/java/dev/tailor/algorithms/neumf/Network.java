// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.neumf;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.factor.Vectors;
import dev.tailor.core.error.TailorException;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * The parameters of NeuMF (He et al. 2017) in flat float arrays: a GMF tower ({@code p_u * q_i} element-wise)
 * and an MLP tower (ReLU layers over {@code [p'_u ; q'_i]}), joined by one output unit:
 * <pre>
 *   logit(u, i) = h_g . (p_u * q_i) + h_m . mlp([p'_u ; q'_i]) + b
 * </pre>
 * Layer l's weights are {@code width[l] x in[l]} row-major with {@code in[0] = 2 mlpDim}. Mutable while a
 * trainer owns it; a model holds one that nobody writes any more.
 */
final class Network {
    final int numUsers;
    final int numItems;
    final int factors;
    final int mlpDim;
    final int[] widths;
    final float[] userGmf;
    final float[] itemGmf;
    final float[] userMlp;
    final float[] itemMlp;
    final float[][] weights;
    final float[][] biases;
    final float[] outGmf;
    final float[] outMlp;
    final float[] outBias;

    private Network(int numUsers, int numItems, int factors, int mlpDim, int[] widths) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.factors = factors;
        this.mlpDim = mlpDim;
        this.widths = widths.clone();
        userGmf = new float[numUsers * factors];
        itemGmf = new float[numItems * factors];
        userMlp = new float[numUsers * mlpDim];
        itemMlp = new float[numItems * mlpDim];
        weights = new float[widths.length][];
        biases = new float[widths.length][];
        for (int l = 0; l < widths.length; l++) {
            weights[l] = new float[widths[l] * inputWidth(l)];
            biases[l] = new float[widths[l]];
        }
        outGmf = new float[factors];
        outMlp = new float[widths[widths.length - 1]];
        outBias = new float[1];
    }

    /** All parameters zero: the shape of an Adagrad accumulator. */
    static Network zeros(int numUsers, int numItems, int factors, int mlpDim, int[] widths) {
        return new Network(numUsers, numItems, factors, mlpDim, widths);
    }

    /**
     * Embeddings uniform in +-0.05 (He et al. draw them from N(0, 0.01)); weights Glorot-uniform, so ReLU layers
     * start neither dead nor saturated; biases zero.
     */
    static Network random(int numUsers, int numItems, int factors, int mlpDim, int[] widths, SplittableRandom r) {
        Network n = new Network(numUsers, numItems, factors, mlpDim, widths);
        for (float[] table : new float[][] {n.userGmf, n.itemGmf, n.userMlp, n.itemMlp}) {
            for (int i = 0; i < table.length; i++) {
                table[i] = (float) ((r.nextDouble() - 0.5) * 0.1);
            }
        }
        for (int l = 0; l < widths.length; l++) {
            glorot(n.weights[l], n.inputWidth(l), widths[l], r);
        }
        glorot(n.outGmf, factors, 1, r);
        glorot(n.outMlp, n.outMlp.length, 1, r);
        return n;
    }

    private static void glorot(float[] w, int in, int out, SplittableRandom r) {
        double limit = Math.sqrt(6.0 / (in + out));
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((r.nextDouble() * 2 - 1) * limit);
        }
    }

    int inputWidth(int layer) {
        return layer == 0 ? 2 * mlpDim : widths[layer - 1];
    }

    int layers() {
        return widths.length;
    }

    /** The dense tables (shared by every pair: output layer, hidden weights and biases), in a fixed order. */
    float[][] denseTables() {
        float[][] t = new float[3 + 2 * widths.length][];
        t[0] = outGmf;
        t[1] = outMlp;
        t[2] = outBias;
        for (int l = 0; l < widths.length; l++) {
            t[3 + 2 * l] = weights[l];
            t[4 + 2 * l] = biases[l];
        }
        return t;
    }

    /** Every table, in a fixed order (for checks and the file format). */
    float[][] tables() {
        float[][] t = new float[8 + 2 * widths.length][];
        t[0] = userGmf;
        t[1] = itemGmf;
        t[2] = userMlp;
        t[3] = itemMlp;
        t[4] = outGmf;
        t[5] = outMlp;
        t[6] = outBias;
        t[7] = new float[0];
        for (int l = 0; l < widths.length; l++) {
            t[8 + 2 * l] = weights[l];
            t[9 + 2 * l] = biases[l];
        }
        return t;
    }

    /**
     * Forward pass for one pair, keeping the activations for a backward pass: {@code z[0]} is the MLP input,
     * {@code z[l + 1]} layer l's output after ReLU; {@code gmf} the GMF product.
     *
     * @return the logit
     */
    float forward(int u, int i, float[][] z, float[] gmf) {
        int g = factors;
        for (int f = 0; f < g; f++) {
            gmf[f] = userGmf[u * g + f] * itemGmf[i * g + f];
        }
        System.arraycopy(userMlp, u * mlpDim, z[0], 0, mlpDim);
        System.arraycopy(itemMlp, i * mlpDim, z[0], mlpDim, mlpDim);
        for (int l = 0; l < widths.length; l++) {
            int in = inputWidth(l);
            float[] w = weights[l];
            float[] b = biases[l];
            float[] out = z[l + 1];
            for (int h = 0; h < widths[l]; h++) {
                float s = b[h] + Vectors.dot(w, h * in, z[l], 0, in);
                out[h] = s > 0f ? s : 0f;
            }
        }
        return outBias[0] + Vectors.dot(outGmf, 0, gmf, 0, g)
                + Vectors.dot(outMlp, 0, z[widths.length], 0, outMlp.length);
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(numUsers);
        out.writeInt(numItems);
        out.writeInt(factors);
        out.writeInt(mlpDim);
        BinaryIO.writeInts(out, widths);
        for (float[] t : tables()) {
            BinaryIO.writeFloats(out, t);
        }
    }

    static Network read(DataInput in) throws IOException {
        int numUsers = in.readInt();
        int numItems = in.readInt();
        int factors = in.readInt();
        int mlpDim = in.readInt();
        int[] widths = BinaryIO.readInts(in, -1);
        if (numUsers < 0 || numItems < 0 || factors <= 0 || factors > 512 || mlpDim < 2 || mlpDim > 512
                || widths.length < 1 || widths.length > 4) {
            throw new TailorException("corrupt model data: neumf shape " + numUsers + " x " + numItems + ", factors "
                    + factors + ", mlp-dim " + mlpDim + ", " + widths.length + " layers");
        }
        for (int l = 0; l < widths.length; l++) {
            if (widths[l] != mlpDim >> l || widths[l] < 1) {
                throw new TailorException("corrupt model data: neumf layer " + l + " width " + widths[l]);
            }
        }
        Network n = new Network(numUsers, numItems, factors, mlpDim, widths);
        for (float[] t : n.tables()) {
            float[] read = BinaryIO.readFloats(in, t.length);
            System.arraycopy(read, 0, t, 0, t.length);
        }
        return n;
    }
}
