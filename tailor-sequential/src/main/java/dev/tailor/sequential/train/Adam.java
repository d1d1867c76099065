// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.train;

/** Adam (Kingma &amp; Ba 2015) with bias correction, beta1 0.9, beta2 0.98 (SASRec's setting), eps 1e-9. */
final class Adam {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.98f;
    private static final float EPS = 1e-9f;
    private final float[] m;
    private final float[] v;
    private final float lr;
    private int step;

    Adam(int size, float lr) {
        this.m = new float[size];
        this.v = new float[size];
        this.lr = lr;
    }

    /** One step on {@code theta} with {@code grad}; clears {@code grad} for the next batch. */
    void step(float[] theta, float[] grad) {
        step++;
        float c1 = (float) (1.0 / (1.0 - Math.pow(BETA1, step)));
        float c2 = (float) (1.0 / (1.0 - Math.pow(BETA2, step)));
        for (int i = 0; i < theta.length; i++) {
            float g = grad[i];
            float mi = BETA1 * m[i] + (1f - BETA1) * g;
            float vi = BETA2 * v[i] + (1f - BETA2) * g * g;
            m[i] = mi;
            v[i] = vi;
            theta[i] -= lr * (mi * c1) / ((float) Math.sqrt(vi * c2) + EPS);
            grad[i] = 0f;
        }
    }
}
