// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.gru;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.model.TopK;
import dev.tailor.sequential.model.SequenceEncoder;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.model.Synthetic;
import dev.tailor.sequential.train.TrainConfig;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class GruEncoderTest {
    private static final int ITEMS = 6;
    private static final int D = 3;
    private static final int N = 5;

    @Test
    void outputAtPositionTIgnoresLaterItems() {
        GruEncoder e = new GruEncoder(ITEMS, D, N, 0f);
        float[] theta = init(e, 1);
        float[] o1 = run(e, theta, new int[] {1, 2, 3, 4});
        float[] o2 = run(e, theta, new int[] {1, 2, 5, 0});
        assertThat(Arrays.copyOf(o2, 2 * D)).containsExactly(Arrays.copyOf(o1, 2 * D));
        assertThat(Arrays.copyOfRange(o2, 2 * D, 3 * D)).isNotEqualTo(Arrays.copyOfRange(o1, 2 * D, 3 * D));
    }

    /** BPTT against central finite differences of a random linear functional, dropout on (replayed mask). */
    @Test
    void gradientMatchesFiniteDifferences() {
        GruEncoder e = new GruEncoder(ITEMS, D, N, 0.25f);
        float[] theta = init(e, 2);
        int[] seq = {2, 5, 2, 0, 1};
        float[] r = new float[seq.length * D];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        SequenceEncoder.Workspace ws = e.newWorkspace();
        e.forward(theta, seq, 0, seq.length, true, new SplittableRandom(77), ws);
        float[] grad = new float[theta.length];
        e.backward(theta, ws, r, grad);
        float eps = 2e-3f;
        for (int p = 0; p < theta.length; p++) {
            float keep = theta[p];
            theta[p] = keep + eps;
            double up = objective(e, theta, seq, r, ws);
            theta[p] = keep - eps;
            double down = objective(e, theta, seq, r, ws);
            theta[p] = keep;
            double numeric = (up - down) / (2 * eps);
            assertThat((double) grad[p]).as("parameter %d", p)
                    .isCloseTo(numeric, Offset.offset(2e-3 + 2e-2 * Math.abs(numeric)));
        }
    }

    @Test
    void learnsThePlantedSuccessor() {
        var data = Synthetic.chains(400, 30, 2);
        TrainConfig tc = TrainConfig.defaults().withMaxLength(8).withEpochs(25, 5).withLearningRate(0.01f)
                .withBatchSize(32).withNegatives(0).withThreads(2);
        SequentialModel model = new GruTrainer(new GruConfig(24, 0.1f, tc)).train(data);
        float[] scores = new float[model.itemCount()];
        int hits = 0;
        for (int start = 0; start < 30; start++) {
            int next = Synthetic.successor(start, 30);
            model.scoreSession(new int[] {data.items().indexOf("i" + start), data.items().indexOf("i" + next)},
                    scores);
            if (TopK.select(scores, 1, null)[0] == data.items().indexOf("i" + Synthetic.successor(next, 30))) {
                hits++;
            }
        }
        assertThat(hits).isGreaterThanOrEqualTo(28);
    }

    private static double objective(GruEncoder e, float[] theta, int[] seq, float[] r, SequenceEncoder.Workspace ws) {
        e.forward(theta, seq, 0, seq.length, true, new SplittableRandom(77), ws);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += (double) r[i] * ws.output()[i];
        }
        return s;
    }

    private static float[] run(GruEncoder e, float[] theta, int[] seq) {
        SequenceEncoder.Workspace ws = e.newWorkspace();
        e.forward(theta, seq, 0, seq.length, false, null, ws);
        return Arrays.copyOf(ws.output(), seq.length * D);
    }

    private static float[] init(GruEncoder e, long seed) {
        float[] theta = new float[e.parameterCount()];
        e.initialize(theta, new SplittableRandom(seed));
        SplittableRandom r = new SplittableRandom(seed + 9);
        for (int i = ITEMS * D; i < theta.length; i++) {
            theta[i] += (float) (r.nextDouble() * 0.2 - 0.1);
        }
        return theta;
    }
}
