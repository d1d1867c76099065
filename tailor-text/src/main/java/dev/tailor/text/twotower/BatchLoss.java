// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.twotower;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The in-batch softmax of one training step and its exact gradient with respect to the adapter's parameters.
 * Each pair b is (customer history, next item t_b); the query is the normalized weighted sum of the history's
 * adapted item vectors, the logits are {@code q_b . e(t_c) / temperature} over the batch's targets, and the loss
 * is the mean cross-entropy of picking t_b (Covington et al. 2016; Yi et al. 2019), optionally corrected for
 * the popularity of in-batch negatives (logQ). A target that recurs in the
 * batch is not its own negative: those logits are masked. Each distinct item of the batch passes the adapter
 * once. Reusable scratch, one instance per thread.
 */
final class BatchLoss {
    private final int d;
    private final int h;
    private final int[] slotOf;
    private int[] uniq;
    private boolean[] dead;
    private float[] z;
    private float[] a;
    private float[] keep;
    private float[] e;
    private float[] norm;
    private float[] de;
    private float[] q;
    private float[] qNorm;
    private float[] logits;
    private final float[] dq;
    private final float[] dy;
    private final float[] da;

    BatchLoss(int items, int d, int h) {
        this.d = d;
        this.h = h;
        this.slotOf = new int[items];
        Arrays.fill(slotOf, -1);
        this.dq = new float[d];
        this.dy = new float[d];
        this.da = new float[Math.max(1, h)];
        ensure(64, 16);
    }

    private void ensure(int slots, int batch) {
        if (uniq == null || uniq.length < slots) {
            int s = Math.max(slots, uniq == null ? 0 : uniq.length * 2);
            uniq = new int[s];
            dead = new boolean[s];
            z = new float[s * h];
            a = new float[s * h];
            keep = new float[s * h];
            e = new float[s * d];
            norm = new float[s];
            de = new float[s * d];
        }
        if (q == null || q.length < batch * d) {
            q = new float[batch * d];
            qNorm = new float[batch];
            logits = new float[batch * batch];
        }
    }

    /**
     * Mean cross-entropy of the batch; adds its gradient to {@code grad} (which the caller zeroes).
     *
     * @param x frozen item vectors, flat
     * @param targets next item per pair
     * @param histPtr pair b's history is {@code histItems[histPtr[b] .. histPtr[b+1])} with {@code histWeights}
     * @param dropRandom draws the dropout masks; null or {@code dropout == 0} for none
     * @param logQ per item, the log of its probability of being an in-batch negative (its share of training
     *     targets), subtracted from its logits (Yi et al. 2019, "sampling-bias-corrected neural modeling"): without
     *     it, popular items are punished for being everyone's negative; null for none
     */
    double lossAndGradient(float[] params, Adapter.Activation act, float[] x, int batch, int[] targets,
            int[] histPtr, int[] histItems, float[] histWeights, float temperature, float dropout,
            SplittableRandom dropRandom, float[] logQ, float[] grad) {
        int maxSlots = batch + histPtr[batch] - histPtr[0];
        ensure(maxSlots, batch);
        int count = 0;
        for (int b = 0; b < batch; b++) {
            count = slot(targets[b], count);
        }
        for (int k = histPtr[0]; k < histPtr[batch]; k++) {
            count = slot(histItems[k], count);
        }
        boolean drop = dropRandom != null && dropout > 0f && h > 0;
        float scale = drop ? 1f / (1f - dropout) : 1f;
        for (int s = 0; s < count; s++) {
            int xo = uniq[s] * d;
            dead[s] = Adapter.isZero(x, xo, d);
            if (drop) {
                for (int u = 0; u < h; u++) {
                    keep[s * h + u] = dropRandom.nextFloat() < dropout ? 0f : scale;
                }
            }
            if (dead[s]) {
                Arrays.fill(e, s * d, s * d + d, 0f);
                norm[s] = 0f;
            } else {
                Adapter.forward(params, d, h, act, x, xo, z, s * h, a, s * h, drop ? keep : null, e, s * d);
                norm[s] = Adapter.normalize(e, s * d, d);
            }
            Arrays.fill(de, s * d, s * d + d, 0f);
        }
        // Queries.
        for (int b = 0; b < batch; b++) {
            int qo = b * d;
            Arrays.fill(q, qo, qo + d, 0f);
            for (int k = histPtr[b]; k < histPtr[b + 1]; k++) {
                int eo = slotOf[histItems[k]] * d;
                float w = histWeights[k];
                for (int j = 0; j < d; j++) {
                    q[qo + j] += w * e[eo + j];
                }
            }
            qNorm[b] = Adapter.normalize(q, qo, d);
        }
        // Logits, softmax, loss; logits become dL/dlogit in place.
        float invT = 1f / temperature;
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            int qo = b * d;
            int row = b * batch;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < batch; c++) {
                if (c != b && targets[c] == targets[b]) {
                    logits[row + c] = Float.NEGATIVE_INFINITY;
                    continue;
                }
                int eo = slotOf[targets[c]] * d;
                float s = 0f;
                for (int j = 0; j < d; j++) {
                    s += q[qo + j] * e[eo + j];
                }
                logits[row + c] = logQ == null ? s * invT : s * invT - logQ[targets[c]];
                max = Math.max(max, logits[row + c]);
            }
            double sum = 0;
            for (int c = 0; c < batch; c++) {
                sum += Math.exp(logits[row + c] - max);
            }
            double logZ = max + Math.log(sum);
            loss += logZ - logits[row + b];
            for (int c = 0; c < batch; c++) {
                double p = Math.exp(logits[row + c] - logZ);
                logits[row + c] = (float) ((p - (c == b ? 1 : 0)) / batch);
            }
        }
        // Back through the logits to queries and target vectors, then through the query normalization and sum.
        for (int b = 0; b < batch; b++) {
            int qo = b * d;
            int row = b * batch;
            Arrays.fill(dq, 0f);
            for (int c = 0; c < batch; c++) {
                float g = logits[row + c] * invT;
                if (g == 0f) {
                    continue;
                }
                int eo = slotOf[targets[c]] * d;
                for (int j = 0; j < d; j++) {
                    dq[j] += g * e[eo + j];
                    de[eo + j] += g * q[qo + j];
                }
            }
            if (qNorm[b] == 0f) {
                continue;
            }
            float dot = 0f;
            for (int j = 0; j < d; j++) {
                dot += q[qo + j] * dq[j];
            }
            float inv = 1f / qNorm[b];
            for (int j = 0; j < d; j++) {
                dq[j] = (dq[j] - q[qo + j] * dot) * inv;
            }
            for (int k = histPtr[b]; k < histPtr[b + 1]; k++) {
                int eo = slotOf[histItems[k]] * d;
                float w = histWeights[k];
                for (int j = 0; j < d; j++) {
                    de[eo + j] += w * dq[j];
                }
            }
        }
        // Back through each item's normalization and the adapter.
        for (int s = 0; s < count; s++) {
            if (!dead[s] && norm[s] > 0f) {
                int eo = s * d;
                float dot = 0f;
                for (int j = 0; j < d; j++) {
                    dot += e[eo + j] * de[eo + j];
                }
                float inv = 1f / norm[s];
                for (int j = 0; j < d; j++) {
                    dy[j] = (de[eo + j] - e[eo + j] * dot) * inv;
                }
                Adapter.backward(params, d, h, act, x, uniq[s] * d, z, s * h, a, s * h, drop ? keep : null, dy, 0,
                        grad, da);
            }
            slotOf[uniq[s]] = -1;
        }
        return loss / batch;
    }

    private int slot(int item, int count) {
        if (slotOf[item] < 0) {
            slotOf[item] = count;
            uniq[count] = item;
            return count + 1;
        }
        return count;
    }
}
