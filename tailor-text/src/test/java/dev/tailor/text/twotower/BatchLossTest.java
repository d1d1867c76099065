// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.twotower;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BatchLossTest {
    private static final int N = 12;
    private static final int D = 7;
    private static final int H = 5;

    /** Analytic gradient of the whole step (adapter, normalizations, pooling, softmax) vs central differences. */
    @ParameterizedTest
    @EnumSource(Adapter.Activation.class)
    void gradientMatchesFiniteDifferences(Adapter.Activation act) {
        SplittableRandom r = new SplittableRandom(3);
        float[] x = unitRows(r, N, D);
        Adapter init = Adapter.initial(D, H, act, 11);
        float[] p = init.parameters();
        // A non-zero W2 and biases so every path carries gradient (the initial W2 is 0).
        for (int k = 0; k < p.length; k++) {
            p[k] += (float) (0.3 * Adapter.gaussian(r));
        }
        int batch = 5;
        int[] targets = {0, 3, 5, 3, 9};
        int[] histPtr = {0, 2, 3, 6, 6, 8};
        int[] histItems = {1, 2, 4, 6, 7, 1, 10, 11};
        float[] histWeights = {1f, 0.8f, 1f, 1f, 0.8f, 0.64f, 1f, 0.5f};
        float temperature = 0.5f;
        float dropout = 0.3f;
        float[] logQ = new float[N];
        for (int i = 0; i < N; i++) {
            logQ[i] = (float) Math.log((i + 1.0) / (N * (N + 1) / 2.0));
        }
        BatchLoss loss = new BatchLoss(N, D, H);
        float[] grad = new float[p.length];
        double base = loss.lossAndGradient(p, act, x, batch, targets, histPtr, histItems, histWeights, temperature,
                dropout, new SplittableRandom(5), logQ, grad);
        assertThat(base).isPositive();
        double eps = 3e-3;
        int checked = 0;
        for (int k = 0; k < p.length; k++) {
            float saved = p[k];
            p[k] = (float) (saved + eps);
            double up = loss.lossAndGradient(p, act, x, batch, targets, histPtr, histItems, histWeights, temperature,
                    dropout, new SplittableRandom(5), logQ, new float[p.length]);
            p[k] = (float) (saved - eps);
            double down = loss.lossAndGradient(p, act, x, batch, targets, histPtr, histItems, histWeights,
                    temperature, dropout, new SplittableRandom(5), logQ, new float[p.length]);
            p[k] = saved;
            double numeric = (up - down) / (2 * eps);
            assertThat((double) grad[k]).as("parameter %d", k).isCloseTo(numeric,
                    org.assertj.core.data.Offset.offset(2e-3 + 2e-2 * Math.abs(numeric)));
            if (Math.abs(numeric) > 1e-3) {
                checked++;
            }
        }
        // Most parameters must actually carry gradient, or the check proves little.
        assertThat(checked).isGreaterThan(p.length / 2);
    }

    @ParameterizedTest
    @EnumSource(Adapter.Activation.class)
    void identityAdapterLossIsTheFrozenSoftmax(Adapter.Activation act) {
        // With W2 = 0 the adapter is the identity: loss = hand-computed softmax over frozen cosines.
        float[] x = {1, 0, 0, 1, 0.6f, 0.8f};
        Adapter init = Adapter.initial(2, 3, act, 1);
        BatchLoss loss = new BatchLoss(3, 2, 3);
        int[] targets = {0, 1};
        int[] histPtr = {0, 1, 2};
        int[] hist = {2, 0};
        float[] w = {1, 1};
        double l = loss.lossAndGradient(init.parameters(), act, x, 2, targets, histPtr, hist, w, 1f, 0f, null,
                null, new float[init.parameterCount()]);
        // pair 0: q = x2 = (0.6, 0.8); logits 0.6 (target 0), 0.8; pair 1: q = x0; logits 1 (item 0), 0 (target 1)
        double l0 = Math.log(Math.exp(0.6) + Math.exp(0.8)) - 0.6;
        double l1 = Math.log(Math.exp(1) + Math.exp(0)) - 0;
        assertThat(l).isCloseTo((l0 + l1) / 2, org.assertj.core.data.Offset.offset(1e-6));
    }

    static float[] unitRows(SplittableRandom r, int n, int d) {
        float[] x = new float[n * d];
        for (int i = 0; i < n * d; i++) {
            x[i] = (float) Adapter.gaussian(r);
        }
        for (int i = 0; i < n; i++) {
            Adapter.normalize(x, i * d, d);
        }
        return x;
    }
}
