// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.sasrec;

import static dev.tailor.sequential.model.Kernels.axpy;
import static dev.tailor.sequential.model.Kernels.dot;
import static dev.tailor.sequential.model.Kernels.dropout;
import static dev.tailor.sequential.model.Kernels.layerNorm;
import static dev.tailor.sequential.model.Kernels.layerNormBackward;
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
 * SASRec's encoder (Kang &amp; McAuley, ICDM 2018): item embedding times sqrt(d) plus a learned positional
 * embedding, then {@code blocks} pre-layer-norm transformer blocks (causal multi-head self-attention and a
 * ReLU feed-forward of width d, each with dropout and a residual connection), then a final layer norm.
 *
 * <p>Padding is never materialized: a sequence is computed at its own length, so there is nothing to mask
 * but the future. Positions are right-aligned like SASRec's left padding: the newest item always has position
 * {@code maxLength - 1}, so "the last thing the shopper did" has one fixed embedding.
 */
public final class SasRecEncoder implements SequenceEncoder {
    public static final String KIND = "sasrec";
    // Offsets of one block's tensors, relative to the block's start.
    private static final int LN1G = 0;
    private static final int LN1B = 1;
    private static final int WQ = 2;
    private static final int BQ = 3;
    private static final int WK = 4;
    private static final int BK = 5;
    private static final int WV = 6;
    private static final int BV = 7;
    private static final int WO = 8;
    private static final int BO = 9;
    private static final int LN2G = 10;
    private static final int LN2B = 11;
    private static final int W1 = 12;
    private static final int B1 = 13;
    private static final int W2 = 14;
    private static final int B2 = 15;
    private static final int TENSORS = 16;

    private final int items;
    private final int d;
    private final int maxLength;
    private final int blocks;
    private final int heads;
    private final float dropout;
    private final int pos;
    private final int[][] off;
    private final int lnfG;
    private final int lnfB;
    private final int size;

    /**
     * @param items number of items (embedding rows)
     * @param dim hidden width, divisible by {@code heads}
     * @param maxLength longest input sequence N
     * @param blocks transformer blocks, >= 1
     * @param heads attention heads, >= 1
     * @param dropout dropout rate in [0, 1)
     */
    public SasRecEncoder(int items, int dim, int maxLength, int blocks, int heads, float dropout) {
        if (items < 1) {
            throw ValidationException.of("items", "expected at least one item, got " + items);
        }
        if (dim < 1 || heads < 1 || dim % heads != 0) {
            throw ValidationException.of("dim", "expected dim >= 1 divisible by heads (" + heads + "), got " + dim);
        }
        if (maxLength < 1) {
            throw ValidationException.of("max-length", "expected >= 1, got " + maxLength);
        }
        if (blocks < 1) {
            throw ValidationException.of("blocks", "expected >= 1, got " + blocks);
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw ValidationException.of("dropout", "expected a rate in [0, 1), got " + dropout);
        }
        this.items = items;
        this.d = dim;
        this.maxLength = maxLength;
        this.blocks = blocks;
        this.heads = heads;
        this.dropout = dropout;
        int p = Math.multiplyExact(items, dim);
        this.pos = p;
        p += maxLength * dim;
        int[] sizes = {d, d, d * d, d, d * d, d, d * d, d, d * d, d, d, d, d * d, d, d * d, d};
        off = new int[blocks][TENSORS];
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < TENSORS; k++) {
                off[b][k] = p;
                p += sizes[k];
            }
        }
        lnfG = p;
        lnfB = p + d;
        size = p + 2 * d;
    }

    /** Reads what {@link #writeArchitecture} wrote. */
    public static SasRecEncoder read(int items, DataInput in) throws IOException {
        return new SasRecEncoder(items, in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readFloat());
    }

    @Override
    public void writeArchitecture(DataOutput out) throws IOException {
        out.writeInt(d);
        out.writeInt(maxLength);
        out.writeInt(blocks);
        out.writeInt(heads);
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
        m.put("blocks", Integer.toString(blocks));
        m.put("heads", Integer.toString(heads));
        m.put("dropout", Float.toString(dropout));
        return m;
    }

    @Override
    public void initialize(float[] theta, SplittableRandom rng) {
        // Xavier-normal everywhere (as the common PyTorch SASRec port does), LN gains 1, biases 0.
        Arrays.fill(theta, 0, size, 0f);
        Kernels.normal(theta, 0, items * d, Math.sqrt(2.0 / (items + d)), rng);
        Kernels.normal(theta, pos, maxLength * d, Math.sqrt(2.0 / (maxLength + d)), rng);
        double w = Math.sqrt(1.0 / d);
        for (int b = 0; b < blocks; b++) {
            int[] o = off[b];
            Arrays.fill(theta, o[LN1G], o[LN1G] + d, 1f);
            Arrays.fill(theta, o[LN2G], o[LN2G] + d, 1f);
            for (int k : new int[] {WQ, WK, WV, WO, W1, W2}) {
                Kernels.normal(theta, o[k], d * d, w, rng);
            }
        }
        Arrays.fill(theta, lnfG, lnfG + d, 1f);
    }

    @Override
    public Workspace newWorkspace() {
        return new Ws(this);
    }

    @Override
    public void forward(float[] theta, int[] seq, int from, int length, boolean training, SplittableRandom rng,
            Workspace workspace) {
        if (length < 1 || length > maxLength) {
            throw new IllegalArgumentException("length must be in [1, " + maxLength + "], was " + length);
        }
        Ws ws = (Ws) workspace;
        ws.length = length;
        int n = length * d;
        int p0 = maxLength - length;
        float scale = (float) Math.sqrt(d);
        float[] x = ws.xin[0];
        for (int t = 0; t < length; t++) {
            int item = seq[from + t];
            ws.items[t] = item;
            int e = item * d;
            int pp = pos + (p0 + t) * d;
            for (int j = 0; j < d; j++) {
                x[t * d + j] = theta[e + j] * scale + theta[pp + j];
            }
        }
        boolean drop = training && dropout > 0f;
        if (drop) {
            dropout(x, n, dropout, rng, ws.m0);
        }
        for (int b = 0; b < blocks; b++) {
            int[] o = off[b];
            float[] xin = ws.xin[b];
            float[] xout = ws.xin[b + 1];
            layerNorm(xin, length, d, theta, o[LN1G], o[LN1B], ws.xh1[b], ws.rstd1[b], ws.a[b]);
            linear(ws.a[b], length, d, theta, o[WQ], o[BQ], d, ws.q[b]);
            linear(ws.a[b], length, d, theta, o[WK], o[BK], d, ws.k[b]);
            linear(ws.a[b], length, d, theta, o[WV], o[BV], d, ws.v[b]);
            attention(ws.q[b], ws.k[b], ws.v[b], length, ws.probs[b], ws.ctx[b]);
            linear(ws.ctx[b], length, d, theta, o[WO], o[BO], d, ws.tmp);
            if (drop) {
                dropout(ws.tmp, n, dropout, rng, ws.m1[b]);
            }
            float[] x1 = ws.x1[b];
            for (int i = 0; i < n; i++) {
                x1[i] = xin[i] + ws.tmp[i];
            }
            layerNorm(x1, length, d, theta, o[LN2G], o[LN2B], ws.xh2[b], ws.rstd2[b], ws.bn[b]);
            float[] f1 = ws.f1[b];
            linear(ws.bn[b], length, d, theta, o[W1], o[B1], d, f1);
            float[] g = ws.g[b];
            for (int i = 0; i < n; i++) {
                f1[i] = Math.max(0f, f1[i]);
                g[i] = f1[i];
            }
            if (drop) {
                dropout(g, n, dropout, rng, ws.m2[b]);
            }
            linear(g, length, d, theta, o[W2], o[B2], d, ws.tmp);
            if (drop) {
                dropout(ws.tmp, n, dropout, rng, ws.m3[b]);
            }
            for (int i = 0; i < n; i++) {
                xout[i] = x1[i] + ws.tmp[i];
            }
        }
        ws.dropped = drop;
        layerNorm(ws.xin[blocks], length, d, theta, lnfG, lnfB, ws.xhf, ws.rstdf, ws.out);
    }

    /** Causal multi-head scaled dot-product attention; keeps the probabilities for backward. */
    private void attention(float[] q, float[] k, float[] v, int length, float[] probs, float[] ctx) {
        int hd = d / heads;
        float scale = (float) (1.0 / Math.sqrt(hd));
        Arrays.fill(ctx, 0, length * d, 0f);
        for (int h = 0; h < heads; h++) {
            int ho = h * hd;
            for (int t = 0; t < length; t++) {
                int row = (h * maxLength + t) * maxLength;
                float max = Float.NEGATIVE_INFINITY;
                for (int u = 0; u <= t; u++) {
                    float s = scale * dot(q, t * d + ho, k, u * d + ho, hd);
                    probs[row + u] = s;
                    max = Math.max(max, s);
                }
                float sum = 0f;
                for (int u = 0; u <= t; u++) {
                    float e = (float) Math.exp(probs[row + u] - max);
                    probs[row + u] = e;
                    sum += e;
                }
                float inv = 1f / sum;
                for (int u = 0; u <= t; u++) {
                    float pr = probs[row + u] * inv;
                    probs[row + u] = pr;
                    axpy(pr, v, u * d + ho, ctx, t * d + ho, hd);
                }
            }
        }
    }

    @Override
    public void backward(float[] theta, Workspace workspace, float[] dOut, float[] grad) {
        Ws ws = (Ws) workspace;
        int length = ws.length;
        int n = length * d;
        float[] dx = ws.dx;
        Arrays.fill(dx, 0, n, 0f);
        layerNormBackward(dOut, length, d, theta, lnfG, lnfB, ws.xhf, ws.rstdf, grad, dx);
        boolean drop = ws.dropped;
        for (int b = blocks - 1; b >= 0; b--) {
            int[] o = off[b];
            // dx holds d(loss)/d(block output); the residual passes it straight to x1.
            float[] dx1 = ws.dx1;
            System.arraycopy(dx, 0, dx1, 0, n);
            float[] df = ws.dtmp;
            for (int i = 0; i < n; i++) {
                df[i] = drop ? dx[i] * ws.m3[b][i] : dx[i];
            }
            float[] dg = ws.dtmp2;
            linearBackward(ws.g[b], df, length, d, d, theta, o[W2], o[B2], grad, dg, false);
            for (int i = 0; i < n; i++) {
                float m = drop ? ws.m2[b][i] : 1f;
                dg[i] = ws.f1[b][i] > 0f ? dg[i] * m : 0f;
            }
            float[] dbn = ws.dtmp;
            linearBackward(ws.bn[b], dg, length, d, d, theta, o[W1], o[B1], grad, dbn, false);
            layerNormBackward(dbn, length, d, theta, o[LN2G], o[LN2B], ws.xh2[b], ws.rstd2[b], grad, dx1);
            // dx1 now = d/d(x1); it flows to xin directly and through attention.
            float[] dob = ws.dtmp;
            for (int i = 0; i < n; i++) {
                dob[i] = drop ? dx1[i] * ws.m1[b][i] : dx1[i];
            }
            float[] dctx = ws.dtmp2;
            linearBackward(ws.ctx[b], dob, length, d, d, theta, o[WO], o[BO], grad, dctx, false);
            attentionBackward(ws, b, dctx, length);
            float[] da = ws.dtmp;
            linearBackward(ws.a[b], ws.dq, length, d, d, theta, o[WQ], o[BQ], grad, da, false);
            linearBackward(ws.a[b], ws.dk, length, d, d, theta, o[WK], o[BK], grad, da, true);
            linearBackward(ws.a[b], ws.dv, length, d, d, theta, o[WV], o[BV], grad, da, true);
            System.arraycopy(dx1, 0, dx, 0, n);
            layerNormBackward(da, length, d, theta, o[LN1G], o[LN1B], ws.xh1[b], ws.rstd1[b], grad, dx);
        }
        // Embedding layer: x0 = E[item] * sqrt(d) + P[position], then dropout.
        float scale = (float) Math.sqrt(d);
        int p0 = maxLength - length;
        for (int t = 0; t < length; t++) {
            int e = ws.items[t] * d;
            int pp = pos + (p0 + t) * d;
            for (int j = 0; j < d; j++) {
                float g = drop ? dx[t * d + j] * ws.m0[t * d + j] : dx[t * d + j];
                grad[e + j] += g * scale;
                grad[pp + j] += g;
            }
        }
    }

    private void attentionBackward(Ws ws, int b, float[] dctx, int length) {
        int hd = d / heads;
        float scale = (float) (1.0 / Math.sqrt(hd));
        float[] q = ws.q[b];
        float[] k = ws.k[b];
        float[] v = ws.v[b];
        float[] probs = ws.probs[b];
        float[] dp = ws.dp;
        int n = length * d;
        Arrays.fill(ws.dq, 0, n, 0f);
        Arrays.fill(ws.dk, 0, n, 0f);
        Arrays.fill(ws.dv, 0, n, 0f);
        for (int h = 0; h < heads; h++) {
            int ho = h * hd;
            for (int t = 0; t < length; t++) {
                int row = (h * maxLength + t) * maxLength;
                int to = t * d + ho;
                float sum = 0f;
                for (int u = 0; u <= t; u++) {
                    float pr = probs[row + u];
                    dp[u] = dot(dctx, to, v, u * d + ho, hd);
                    sum += pr * dp[u];
                    axpy(pr, dctx, to, ws.dv, u * d + ho, hd);
                }
                for (int u = 0; u <= t; u++) {
                    float ds = scale * probs[row + u] * (dp[u] - sum);
                    if (ds != 0f) {
                        axpy(ds, k, u * d + ho, ws.dq, to, hd);
                        axpy(ds, q, to, ws.dk, u * d + ho, hd);
                    }
                }
            }
        }
    }

    /** Everything one forward/backward pass of one sequence needs, allocated once per thread. */
    private static final class Ws extends Workspace {
        final float[] out;
        final int[] items;
        final float[] m0;
        final float[][] xin;
        final float[][] xh1;
        final float[][] rstd1;
        final float[][] a;
        final float[][] q;
        final float[][] k;
        final float[][] v;
        final float[][] probs;
        final float[][] ctx;
        final float[][] m1;
        final float[][] x1;
        final float[][] xh2;
        final float[][] rstd2;
        final float[][] bn;
        final float[][] f1;
        final float[][] g;
        final float[][] m2;
        final float[][] m3;
        final float[] xhf;
        final float[] rstdf;
        final float[] tmp;
        final float[] dx;
        final float[] dx1;
        final float[] dtmp;
        final float[] dtmp2;
        final float[] dq;
        final float[] dk;
        final float[] dv;
        final float[] dp;
        int length;
        boolean dropped;

        Ws(SasRecEncoder e) {
            int n = e.maxLength * e.d;
            int nb = e.blocks;
            out = new float[n];
            items = new int[e.maxLength];
            m0 = new float[n];
            xin = new float[nb + 1][n];
            xh1 = new float[nb][n];
            rstd1 = new float[nb][e.maxLength];
            a = new float[nb][n];
            q = new float[nb][n];
            k = new float[nb][n];
            v = new float[nb][n];
            probs = new float[nb][e.heads * e.maxLength * e.maxLength];
            ctx = new float[nb][n];
            m1 = new float[nb][n];
            x1 = new float[nb][n];
            xh2 = new float[nb][n];
            rstd2 = new float[nb][e.maxLength];
            bn = new float[nb][n];
            f1 = new float[nb][n];
            g = new float[nb][n];
            m2 = new float[nb][n];
            m3 = new float[nb][n];
            xhf = new float[n];
            rstdf = new float[e.maxLength];
            tmp = new float[n];
            dx = new float[n];
            dx1 = new float[n];
            dtmp = new float[n];
            dtmp2 = new float[n];
            dq = new float[n];
            dk = new float[n];
            dv = new float[n];
            dp = new float[e.maxLength];
        }

        @Override
        public float[] output() {
            return out;
        }
    }
}
