// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.gru;

import static dev.tailor.sequential.model.Kernels.dropout;
import static dev.tailor.sequential.model.Kernels.linear;
import static dev.tailor.sequential.model.Kernels.linearBackward;

import dev.tailor.core.error.ValidationException;
import dev.tailor.sequential.model.Kernels;
import dev.tailor.sequential.model.SequenceEncoder;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * GRU4Rec's encoder (Hidasi et al., ICLR 2016) in the form SASRec-era comparisons use: item embedding (with
 * dropout) into one GRU layer of width d, whose hidden state at each position is the output (with dropout),
 * scored against the same item embeddings. Gates follow PyTorch's {@code nn.GRU}:
 * {@code z = s(xWz + hUz + b), r = s(xWr + hUr + b), n = tanh(xWn + b + r * (hUn + b)),
 * h' = (1 - z) * n + z * h}. Trained by backpropagation through time over the (at most N) positions.
 */
public final class GruEncoder implements SequenceEncoder {
    public static final String KIND = "gru4rec";

    private final int items;
    private final int d;
    private final int maxLength;
    private final float dropout;
    private final int w;
    private final int bx;
    private final int u;
    private final int bh;
    private final int size;

    public GruEncoder(int items, int dim, int maxLength, float dropout) {
        if (items < 1) {
            throw ValidationException.of("items", "expected at least one item, got " + items);
        }
        if (dim < 1) {
            throw ValidationException.of("dim", "expected >= 1, got " + dim);
        }
        if (maxLength < 1) {
            throw ValidationException.of("max-length", "expected >= 1, got " + maxLength);
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw ValidationException.of("dropout", "expected a rate in [0, 1), got " + dropout);
        }
        this.items = items;
        this.d = dim;
        this.maxLength = maxLength;
        this.dropout = dropout;
        this.w = Math.multiplyExact(items, dim);
        this.bx = w + 3 * d * d;
        this.u = bx + 3 * d;
        this.bh = u + 3 * d * d;
        this.size = bh + 3 * d;
    }

    public static GruEncoder read(int items, DataInput in) throws IOException {
        return new GruEncoder(items, in.readInt(), in.readInt(), in.readFloat());
    }

    @Override
    public void writeArchitecture(DataOutput out) throws IOException {
        out.writeInt(d);
        out.writeInt(maxLength);
        out.writeFloat(dropout);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int itemCount() {
        return items;
    }

    @Override
    public int dim() {
        return d;
    }

    @Override
    public int maxLength() {
        return maxLength;
    }

    @Override
    public int parameterCount() {
        return size;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dim", Integer.toString(d));
        m.put("max-length", Integer.toString(maxLength));
        m.put("dropout", Float.toString(dropout));
        return m;
    }

    @Override
    public void initialize(float[] theta, SplittableRandom rng) {
        Arrays.fill(theta, 0, size, 0f);
        Kernels.normal(theta, 0, items * d, Math.sqrt(2.0 / (items + d)), rng);
        Kernels.normal(theta, w, 3 * d * d, Math.sqrt(1.0 / d), rng);
        Kernels.normal(theta, u, 3 * d * d, Math.sqrt(1.0 / d), rng);
    }

    @Override
    public Workspace newWorkspace() {
        return new Ws(maxLength, d);
    }

    @Override
    public void forward(float[] theta, int[] seq, int from, int length, boolean training, SplittableRandom rng,
            Workspace workspace) {
        if (length < 1 || length > maxLength) {
            throw new IllegalArgumentException("length must be in [1, " + maxLength + "], was " + length);
        }
        Ws ws = (Ws) workspace;
        ws.length = length;
        boolean drop = training && dropout > 0f;
        ws.dropped = drop;
        for (int t = 0; t < length; t++) {
            int item = seq[from + t];
            ws.items[t] = item;
            System.arraycopy(theta, item * d, ws.x, t * d, d);
        }
        if (drop) {
            dropout(ws.x, length * d, dropout, rng, ws.mIn);
        }
        int g = 3 * d;
        linear(ws.x, length, d, theta, w, bx, g, ws.gx);
        Arrays.fill(ws.h, 0, d, 0f);
        for (int t = 0; t < length; t++) {
            int hp = t * d;
            linear1(ws.h, hp, theta, ws.gh, t * g);
            for (int j = 0; j < d; j++) {
                int o = t * g;
                float z = sigmoid(ws.gx[o + j] + ws.gh[o + j]);
                float r = sigmoid(ws.gx[o + d + j] + ws.gh[o + d + j]);
                float n = (float) Math.tanh(ws.gx[o + 2 * d + j] + r * ws.gh[o + 2 * d + j]);
                ws.z[t * d + j] = z;
                ws.r[t * d + j] = r;
                ws.n[t * d + j] = n;
                ws.h[hp + d + j] = (1f - z) * n + z * ws.h[hp + j];
            }
        }
        System.arraycopy(ws.h, d, ws.out, 0, length * d);
        if (drop) {
            dropout(ws.out, length * d, dropout, rng, ws.mOut);
        }
    }

    /** {@code gh[go..] = h[ho..] U + bh} for one row (a 1-row {@link Kernels#linear} at an offset). */
    private void linear1(float[] h, int ho, float[] theta, float[] gh, int go) {
        int g = 3 * d;
        System.arraycopy(theta, bh, gh, go, g);
        for (int i = 0; i < d; i++) {
            float hv = h[ho + i];
            if (hv != 0f) {
                Kernels.axpy(hv, theta, u + i * g, gh, go, g);
            }
        }
    }

    @Override
    public void backward(float[] theta, Workspace workspace, float[] dOut, float[] grad) {
        Ws ws = (Ws) workspace;
        int length = ws.length;
        int g = 3 * d;
        boolean drop = ws.dropped;
        float[] dh = ws.dh;
        Arrays.fill(dh, 0f);
        float[] dgh = ws.dgh;
        for (int t = length - 1; t >= 0; t--) {
            int hp = t * d;
            for (int j = 0; j < d; j++) {
                float o = dOut[hp + j];
                dh[j] += drop ? o * ws.mOut[hp + j] : o;
            }
            int go = t * g;
            for (int j = 0; j < d; j++) {
                float z = ws.z[hp + j];
                float r = ws.r[hp + j];
                float n = ws.n[hp + j];
                float hprev = ws.h[hp + j];
                float dhj = dh[j];
                float dn = dhj * (1f - z);
                float dz = dhj * (hprev - n);
                float dan = dn * (1f - n * n);
                float daz = dz * z * (1f - z);
                float dar = dan * ws.gh[go + 2 * d + j] * r * (1f - r);
                ws.dgx[go + j] = daz;
                ws.dgx[go + d + j] = dar;
                ws.dgx[go + 2 * d + j] = dan;
                dgh[j] = daz;
                dgh[d + j] = dar;
                dgh[2 * d + j] = dan * r;
                dh[j] = dhj * z;
            }
            // Through h_{t-1} U: dU += h_{t-1}^T dgh, dbh += dgh, dh_{t-1} += dgh U^T.
            for (int j = 0; j < g; j++) {
                grad[bh + j] += dgh[j];
            }
            for (int i = 0; i < d; i++) {
                float hv = ws.h[hp + i];
                int row = u + i * g;
                if (hv != 0f) {
                    Kernels.axpy(hv, dgh, 0, grad, row, g);
                }
                dh[i] += Kernels.dot(dgh, 0, theta, row, g);
            }
        }
        linearBackward(ws.x, ws.dgx, length, d, g, theta, w, bx, grad, ws.dx, false);
        for (int t = 0; t < length; t++) {
            int e = ws.items[t] * d;
            for (int j = 0; j < d; j++) {
                float v = ws.dx[t * d + j];
                grad[e + j] += drop ? v * ws.mIn[t * d + j] : v;
            }
        }
    }

    private static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    private static final class Ws extends Workspace {
        final int[] items;
        final float[] x;
        final float[] mIn;
        final float[] gx;
        final float[] gh;
        final float[] z;
        final float[] r;
        final float[] n;
        final float[] h;
        final float[] out;
        final float[] mOut;
        final float[] dh;
        final float[] dgh;
        final float[] dgx;
        final float[] dx;
        int length;
        boolean dropped;

        Ws(int maxLength, int d) {
            items = new int[maxLength];
            x = new float[maxLength * d];
            mIn = new float[maxLength * d];
            gx = new float[maxLength * 3 * d];
            gh = new float[maxLength * 3 * d];
            z = new float[maxLength * d];
            r = new float[maxLength * d];
            n = new float[maxLength * d];
            h = new float[(maxLength + 1) * d];
            out = new float[maxLength * d];
            mOut = new float[maxLength * d];
            dh = new float[d];
            dgh = new float[3 * d];
            dgx = new float[maxLength * 3 * d];
            dx = new float[maxLength * d];
        }

        @Override
        public float[] output() {
            return out;
        }
    }
}
