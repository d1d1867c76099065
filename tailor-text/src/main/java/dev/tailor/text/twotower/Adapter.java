// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.twotower;

import dev.tailor.core.error.ValidationException;
import java.util.SplittableRandom;

/**
 * A residual bottleneck on a frozen encoder vector: {@code y = x + W2 act(W1 x + b1) + b2}, then L2-normalized
 * (Houlsby et al., 2019, "Parameter-efficient transfer learning for NLP"). With {@link Activation#LINEAR} it is
 * a rank-h residual projection {@code x + W2 W1 x}, the LoRA form (Hu et al., 2021) applied to the output. W2
 * starts at zero, so an untrained adapter is the identity and training starts from the frozen encoder's own
 * similarities. With {@code hidden == 0} it is the identity. Immutable; all parameters sit in one flat array,
 * layout {@code W1 (h x d, row per hidden unit) | b1 (h) | W2 (d x h, row per output dim) | b2 (d)}.
 */
public final class Adapter {
    /** The bottleneck's non-linearity. */
    public enum Activation {
        RELU,
        /** No non-linearity: a low-rank (LoRA-style) residual projection. */
        LINEAR
    }

    private final int dim;
    private final int hidden;
    private final Activation activation;
    private final float[] params;

    Adapter(int dim, int hidden, Activation activation, float[] params) {
        if (dim <= 0 || hidden < 0) {
            throw ValidationException.of("hidden", "expected dim > 0 and hidden >= 0, got " + dim + ", " + hidden);
        }
        if (params.length != parameterCount(dim, hidden)) {
            throw ValidationException.of("params", "expected " + parameterCount(dim, hidden) + " parameters for "
                    + dim + " x " + hidden + ", got " + params.length);
        }
        this.dim = dim;
        this.hidden = hidden;
        this.activation = activation;
        this.params = params.clone();
    }

    /** The identity: the frozen encoder's vectors unchanged. */
    public static Adapter identity(int dim) {
        return new Adapter(dim, 0, Activation.LINEAR, new float[0]);
    }

    /** W1 ~ N(0, 2/d) (He), W2 = b1 = b2 = 0: the identity at the start of training. */
    static Adapter initial(int dim, int hidden, Activation activation, long seed) {
        float[] p = new float[parameterCount(dim, hidden)];
        SplittableRandom r = new SplittableRandom(seed);
        double sd = Math.sqrt(2.0 / dim);
        for (int k = 0; k < hidden * dim; k++) {
            p[k] = (float) (gaussian(r) * sd);
        }
        return new Adapter(dim, hidden, activation, p);
    }

    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static int parameterCount(int dim, int hidden) {
        return hidden == 0 ? 0 : 2 * hidden * dim + hidden + dim;
    }

    public int dim() {
        return dim;
    }

    public int hidden() {
        return hidden;
    }

    public Activation activation() {
        return activation;
    }

    public int parameterCount() {
        return params.length;
    }

    /** A copy of the flat parameters. */
    public float[] parameters() {
        return params.clone();
    }

    float[] raw() {
        return params;
    }

    /**
     * Adapts every item: {@code count x dim} unit rows; an all-zero input row (an item without text) stays zero.
     */
    public float[] applyAll(ItemVectors vectors) {
        if (vectors.dim() != dim) {
            throw ValidationException.of("vectors", "adapter expects " + dim + " dims, vectors have "
                    + vectors.dim());
        }
        int n = vectors.count();
        float[] x = vectors.raw();
        float[] out = new float[n * dim];
        float[] z = new float[hidden];
        float[] a = new float[hidden];
        for (int i = 0; i < n; i++) {
            int off = i * dim;
            if (isZero(x, off, dim)) {
                continue;
            }
            forward(params, dim, hidden, activation, x, off, z, 0, a, 0, null, out, off);
            normalize(out, off, dim);
        }
        return out;
    }

    static boolean isZero(float[] x, int off, int d) {
        for (int j = 0; j < d; j++) {
            if (x[off + j] != 0f) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code y = x + W2 (act(W1 x + b1) * keep) + b2}; keeps the pre-activation {@code z} and the (dropped-out)
     * activation {@code a} for the backward pass.
     *
     * @param keep per-hidden-unit dropout factor (0 or 1/(1-p)) at offset {@code ao}, or null for none
     */
    static void forward(float[] p, int d, int h, Activation act, float[] x, int xo, float[] z, int zo, float[] a,
            int ao, float[] keep, float[] y, int yo) {
        System.arraycopy(x, xo, y, yo, d);
        if (h == 0) {
            return;
        }
        int b1 = h * d;
        int w2 = b1 + h;
        int b2 = w2 + d * h;
        for (int u = 0; u < h; u++) {
            int row = u * d;
            float s0 = 0f;
            float s1 = 0f;
            int j = 0;
            for (; j + 1 < d; j += 2) {
                s0 += p[row + j] * x[xo + j];
                s1 += p[row + j + 1] * x[xo + j + 1];
            }
            for (; j < d; j++) {
                s0 += p[row + j] * x[xo + j];
            }
            float zu = s0 + s1 + p[b1 + u];
            z[zo + u] = zu;
            float au = act == Activation.RELU ? Math.max(0f, zu) : zu;
            a[ao + u] = keep == null ? au : au * keep[ao + u];
        }
        for (int i = 0; i < d; i++) {
            int row = w2 + i * h;
            float s = p[b2 + i];
            for (int u = 0; u < h; u++) {
                s += p[row + u] * a[ao + u];
            }
            y[yo + i] += s;
        }
    }

    /**
     * Accumulates the parameter gradient of one item given {@code dy = dL/dy} (into {@code grad}, same layout
     * as the parameters). {@code da} is scratch of length h.
     */
    static void backward(float[] p, int d, int h, Activation act, float[] x, int xo, float[] z, int zo, float[] a,
            int ao, float[] keep, float[] dy, int dyo, float[] grad, float[] da) {
        if (h == 0) {
            return;
        }
        int b1 = h * d;
        int w2 = b1 + h;
        int b2 = w2 + d * h;
        java.util.Arrays.fill(da, 0, h, 0f);
        for (int i = 0; i < d; i++) {
            float g = dy[dyo + i];
            if (g == 0f) {
                continue;
            }
            grad[b2 + i] += g;
            int row = w2 + i * h;
            for (int u = 0; u < h; u++) {
                grad[row + u] += g * a[ao + u];
                da[u] += g * p[row + u];
            }
        }
        for (int u = 0; u < h; u++) {
            float g = da[u];
            if (keep != null) {
                g *= keep[ao + u];
            }
            if (act == Activation.RELU && z[zo + u] <= 0f) {
                g = 0f;
            }
            if (g == 0f) {
                continue;
            }
            grad[b1 + u] += g;
            int row = u * d;
            for (int j = 0; j < d; j++) {
                grad[row + j] += g * x[xo + j];
            }
        }
    }

    /** Scales to unit length in place; returns the length before (0 leaves the row as is). */
    static float normalize(float[] v, int off, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += (double) v[off + j] * v[off + j];
        }
        float norm = (float) Math.sqrt(s);
        if (norm > 0f) {
            float inv = 1f / norm;
            for (int j = 0; j < d; j++) {
                v[off + j] *= inv;
            }
        }
        return norm;
    }
}
