// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.model;

import java.util.SplittableRandom;

/**
 * The dense building blocks the encoders share, on flat row-major arrays with explicit offsets: linear
 * layers, layer normalization, inverted dropout. Inner loops run over the contiguous output dimension so the
 * JIT can vectorize them.
 */
public final class Kernels {
    /** Layer-norm epsilon (added to the variance). */
    static final float LN_EPS = 1e-6f;

    private Kernels() {
    }

    /**
     * {@code y[t] = x[t] W + b} for rows t in [0, rows); W is {@code in x out} row-major at {@code w} in
     * {@code theta}, b at {@code b}.
     */
    public static void linear(float[] x, int rows, int in, float[] theta, int w, int b, int out, float[] y) {
        for (int t = 0; t < rows; t++) {
            int yo = t * out;
            System.arraycopy(theta, b, y, yo, out);
            int xo = t * in;
            for (int i = 0; i < in; i++) {
                float xv = x[xo + i];
                if (xv == 0f) {
                    continue;
                }
                int wr = w + i * out;
                for (int j = 0; j < out; j++) {
                    y[yo + j] += xv * theta[wr + j];
                }
            }
        }
    }

    /**
     * Backward of {@link #linear}: adds dW and db to {@code grad} (same offsets as in theta) and, when
     * {@code dx} is non-null, writes ({@code accumulate} false) or adds the input gradient.
     */
    public static void linearBackward(float[] x, float[] dy, int rows, int in, int out, float[] theta, int w,
            int b, float[] grad, float[] dx, boolean accumulate) {
        for (int t = 0; t < rows; t++) {
            int yo = t * out;
            for (int j = 0; j < out; j++) {
                grad[b + j] += dy[yo + j];
            }
            int xo = t * in;
            for (int i = 0; i < in; i++) {
                float xv = x[xo + i];
                int wr = w + i * out;
                if (xv != 0f) {
                    for (int j = 0; j < out; j++) {
                        grad[wr + j] += xv * dy[yo + j];
                    }
                }
                if (dx != null) {
                    float s = 0f;
                    for (int j = 0; j < out; j++) {
                        s += dy[yo + j] * theta[wr + j];
                    }
                    dx[xo + i] = accumulate ? dx[xo + i] + s : s;
                }
            }
        }
    }

    /**
     * Layer normalization of each row: {@code xhat = (x - mean) / sqrt(var + eps)}, {@code y = xhat * g + b};
     * keeps xhat and 1/sqrt(var + eps) for the backward pass.
     */
    public static void layerNorm(float[] x, int rows, int d, float[] theta, int g, int b, float[] xhat,
            float[] rstd, float[] y) {
        for (int t = 0; t < rows; t++) {
            int o = t * d;
            float mean = 0f;
            for (int j = 0; j < d; j++) {
                mean += x[o + j];
            }
            mean /= d;
            float var = 0f;
            for (int j = 0; j < d; j++) {
                float c = x[o + j] - mean;
                var += c * c;
            }
            var /= d;
            float r = (float) (1.0 / Math.sqrt(var + LN_EPS));
            rstd[t] = r;
            for (int j = 0; j < d; j++) {
                float h = (x[o + j] - mean) * r;
                xhat[o + j] = h;
                y[o + j] = h * theta[g + j] + theta[b + j];
            }
        }
    }

    /**
     * Backward of {@link #layerNorm}: adds dg, db to {@code grad} and adds the input gradient to {@code dx}
     * ({@code dx = rstd * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat))}).
     */
    public static void layerNormBackward(float[] dy, int rows, int d, float[] theta, int g, int b, float[] xhat,
            float[] rstd, float[] grad, float[] dx) {
        for (int t = 0; t < rows; t++) {
            int o = t * d;
            float m1 = 0f;
            float m2 = 0f;
            for (int j = 0; j < d; j++) {
                float dyj = dy[o + j];
                grad[g + j] += dyj * xhat[o + j];
                grad[b + j] += dyj;
                float dh = dyj * theta[g + j];
                m1 += dh;
                m2 += dh * xhat[o + j];
            }
            m1 /= d;
            m2 /= d;
            float r = rstd[t];
            for (int j = 0; j < d; j++) {
                float dh = dy[o + j] * theta[g + j];
                dx[o + j] += r * (dh - m1 - xhat[o + j] * m2);
            }
        }
    }

    /**
     * Inverted dropout on {@code x[0, n)} in place: each entry is zeroed with probability p, the rest scaled
     * by 1/(1-p) so the expectation is unchanged and inference needs no rescaling. The mask (0 or 1/(1-p))
     * goes to {@code mask} for the backward pass.
     */
    public static void dropout(float[] x, int n, float p, SplittableRandom rng, float[] mask) {
        float keep = 1f / (1f - p);
        for (int i = 0; i < n; i++) {
            float m = rng.nextFloat() < p ? 0f : keep;
            mask[i] = m;
            x[i] *= m;
        }
    }

    /**
     * Dot product of two rows. Four independent partial sums: the JIT does not vectorize float reductions
     * (that would reorder additions), so breaking the dependency chain is what keeps the multiply units busy.
     */
    public static float dot(float[] a, int ao, float[] b, int bo, int d) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int j = 0;
        for (; j + 3 < d; j += 4) {
            s0 += a[ao + j] * b[bo + j];
            s1 += a[ao + j + 1] * b[bo + j + 1];
            s2 += a[ao + j + 2] * b[bo + j + 2];
            s3 += a[ao + j + 3] * b[bo + j + 3];
        }
        for (; j < d; j++) {
            s0 += a[ao + j] * b[bo + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code y[yo..] += a * x[xo..]} over d entries. */
    public static void axpy(float a, float[] x, int xo, float[] y, int yo, int d) {
        for (int j = 0; j < d; j++) {
            y[yo + j] += a * x[xo + j];
        }
    }

    /** Normal(0, std) initialization of {@code theta[from, from + n)}. */
    public static void normal(float[] theta, int from, int n, double std, SplittableRandom rng) {
        for (int i = 0; i < n; i++) {
            theta[from + i] = (float) (gaussian(rng) * std);
        }
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
