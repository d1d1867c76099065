// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import dev.tailor.sequential.model.SequenceEncoder;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SasRecEncoderTest {
    private static final int ITEMS = 7;
    private static final int D = 4;
    private static final int N = 5;

    @Test
    void outputHasOneRowPerPositionAndIsFinite() {
        SasRecEncoder e = new SasRecEncoder(ITEMS, D, N, 2, 2, 0.2f);
        float[] theta = init(e, 1);
        SequenceEncoder.Workspace ws = e.newWorkspace();
        e.forward(theta, new int[] {3, 1, 4}, 0, 3, false, null, ws);
        assertThat(ws.output()).hasSize(N * D);
        for (int i = 0; i < 3 * D; i++) {
            assertThat(Float.isFinite(ws.output()[i])).isTrue();
        }
        assertThat(e.parameterCount()).isEqualTo(ITEMS * D + N * D + 2 * (6 * D * D + 10 * D) + 2 * D);
    }

    @Property(tries = 30)
    void outputAtPositionTIgnoresLaterItems(@ForAll @IntRange(min = 0, max = 6) int a,
            @ForAll @IntRange(min = 0, max = 6) int b, @ForAll @IntRange(min = 0, max = 6) int later) {
        SasRecEncoder e = new SasRecEncoder(ITEMS, D, N, 2, 2, 0f);
        float[] theta = init(e, 2);
        int[] s1 = {a, b, 5, 6, 0};
        int[] s2 = {a, b, later, (later + 3) % ITEMS, 1};
        float[] o1 = run(e, theta, s1);
        float[] o2 = run(e, theta, s2);
        // Causal attention: rows 0 and 1 see only a and b.
        assertThat(Arrays.copyOf(o2, 2 * D)).containsExactly(Arrays.copyOf(o1, 2 * D));
    }

    @Test
    void laterItemsDoChangeLaterRows() {
        SasRecEncoder e = new SasRecEncoder(ITEMS, D, N, 1, 1, 0f);
        float[] theta = init(e, 3);
        float[] o1 = run(e, theta, new int[] {1, 2, 3});
        float[] o2 = run(e, theta, new int[] {1, 2, 4});
        assertThat(Arrays.copyOfRange(o1, 2 * D, 3 * D)).isNotEqualTo(Arrays.copyOfRange(o2, 2 * D, 3 * D));
    }

    @Test
    void aWorkspaceReusedAfterALongerSequenceGivesTheFreshResult() {
        // No padding is materialized; what a longer sequence left in the scratch arrays must not leak.
        SasRecEncoder e = new SasRecEncoder(ITEMS, D, N, 2, 2, 0f);
        float[] theta = init(e, 4);
        SequenceEncoder.Workspace ws = e.newWorkspace();
        e.forward(theta, new int[] {6, 5, 4, 3, 2}, 0, 5, false, null, ws);
        e.forward(theta, new int[] {1, 2}, 0, 2, false, null, ws);
        float[] reused = Arrays.copyOf(ws.output(), 2 * D);
        float[] fresh = Arrays.copyOf(run(e, theta, new int[] {1, 2}), 2 * D);
        assertThat(reused).containsExactly(fresh);
    }

    @Test
    void rejectsLengthsOutsideOneToN() {
        SasRecEncoder e = new SasRecEncoder(ITEMS, D, N, 1, 1, 0f);
        float[] theta = init(e, 5);
        assertThatThrownBy(() -> e.forward(theta, new int[6], 0, 6, false, null, e.newWorkspace()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.forward(theta, new int[0], 0, 0, false, null, e.newWorkspace()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SasRecEncoder(ITEMS, 6, N, 1, 4, 0f)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("divisible");
    }

    /**
     * Backward against central finite differences of a random linear functional of the output, for every
     * parameter (embeddings, positions, attention, feed-forward, layer norms), with dropout on (same mask in
     * every pass, as the seeded generator replays it).
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        SasRecEncoder e = new SasRecEncoder(ITEMS, D, N, 2, 2, 0.25f);
        float[] theta = init(e, 6);
        int[] seq = {2, 5, 2, 0};
        int len = seq.length;
        float[] r = new float[len * D];
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        SequenceEncoder.Workspace ws = e.newWorkspace();
        e.forward(theta, seq, 0, len, true, new SplittableRandom(77), ws);
        float[] grad = new float[theta.length];
        e.backward(theta, ws, r, grad);
        float eps = 2e-3f;
        int checked = 0;
        for (int p = 0; p < theta.length; p++) {
            float keep = theta[p];
            theta[p] = keep + eps;
            double up = objective(e, theta, seq, r, ws);
            theta[p] = keep - eps;
            double down = objective(e, theta, seq, r, ws);
            theta[p] = keep;
            double numeric = (up - down) / (2 * eps);
            assertThat((double) grad[p]).as("parameter %d", p)
                    .isCloseTo(numeric, org.assertj.core.data.Offset.offset(3e-3 + 3e-2 * Math.abs(numeric)));
            checked++;
        }
        assertThat(checked).isEqualTo(e.parameterCount());
    }

    private static double objective(SasRecEncoder e, float[] theta, int[] seq, float[] r,
            SequenceEncoder.Workspace ws) {
        e.forward(theta, seq, 0, seq.length, true, new SplittableRandom(77), ws);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += (double) r[i] * ws.output()[i];
        }
        return s;
    }

    private static float[] run(SasRecEncoder e, float[] theta, int[] seq) {
        SequenceEncoder.Workspace ws = e.newWorkspace();
        e.forward(theta, seq, 0, seq.length, false, null, ws);
        return Arrays.copyOf(ws.output(), seq.length * D);
    }

    private static float[] init(SasRecEncoder e, long seed) {
        float[] theta = new float[e.parameterCount()];
        e.initialize(theta, new SplittableRandom(seed));
        // Non-trivial layer-norm gains and biases so their gradients are exercised.
        SplittableRandom r = new SplittableRandom(seed + 100);
        for (int i = ITEMS * D + N * D; i < theta.length; i++) {
            theta[i] += (float) (r.nextDouble() * 0.2 - 0.1);
        }
        return theta;
    }
}
