// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.factor.EpochListener;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
    @Test
    void unregularizedFitMatchesTheLogOddsComputedByHand() {
        // x = 0: labels 0, 1 (p = 1/2, so b = 0); x = 1: labels 1, 1, 1, 0 (p = 3/4, so w = ln 3).
        float[] x = {0, 0, 1, 1, 1, 1};
        byte[] y = {0, 1, 1, 1, 1, 0};
        LogisticRegression.Fit fit = LogisticRegression.fit(x, y, 1, 0, 50, "test", EpochListener.NONE);
        assertThat(fit.intercept()).isCloseTo(0, within(1e-6));
        assertThat(fit.weights()[0]).isCloseTo(Math.log(3), within(1e-6));
    }

    @Test
    void reportsTheObjectiveEveryIterationNeverIncreasing() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 200;
        float[] x = new float[n * 2];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) r.nextDouble();
            x[2 * i + 1] = (float) r.nextDouble();
            y[i] = (byte) (r.nextDouble() < 0.2 + 0.6 * x[2 * i] ? 1 : 0);
        }
        List<Epoch> epochs = new ArrayList<>();
        LogisticRegression.Fit fit = LogisticRegression.fit(x, y, 2, 0.01, 30, "content", epochs::add);
        assertThat(epochs).hasSize(fit.iterations());
        for (int e = 1; e < epochs.size(); e++) {
            assertThat(epochs.get(e).value()).isLessThanOrEqualTo(epochs.get(e - 1).value());
            assertThat(epochs.get(e).epoch()).isEqualTo(e + 1);
        }
        assertThat(epochs.get(epochs.size() - 1).value()).isCloseTo(fit.loss(), within(1e-12));
    }

    /**
     * Brute-force oracle: at the fitted weights, the central finite-difference gradient of a naive
     * double-precision objective vanishes, and no random nearby point has a lower objective.
     */
    @Property(tries = 60)
    void fittedWeightsAreTheMinimumOfTheBruteForceObjective(@ForAll @IntRange(min = 5, max = 60) int n,
            @ForAll @IntRange(min = 1, max = 4) int d, @ForAll @DoubleRange(min = 0.01, max = 2) double l2,
            @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * d];
        byte[] y = new byte[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < n; i++) {
            y[i] = (byte) r.nextInt(2);
        }
        LogisticRegression.Fit fit = LogisticRegression.fit(x, y, d, l2, 100, "test", EpochListener.NONE);
        double[] theta = new double[d + 1];
        System.arraycopy(fit.weights(), 0, theta, 0, d);
        theta[d] = fit.intercept();
        double h = 1e-5;
        for (int j = 0; j <= d; j++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[j] += h;
            minus[j] -= h;
            double grad = (naiveLoss(x, y, d, l2, plus) - naiveLoss(x, y, d, l2, minus)) / (2 * h);
            assertThat(grad).as("d loss / d theta[%d]", j).isCloseTo(0, within(1e-6));
        }
        double best = naiveLoss(x, y, d, l2, theta);
        assertThat(fit.loss()).isCloseTo(best, within(1e-9));
        for (int t = 0; t < 20; t++) {
            double[] other = theta.clone();
            for (int j = 0; j <= d; j++) {
                other[j] += 0.1 * (r.nextDouble() - 0.5);
            }
            assertThat(naiveLoss(x, y, d, l2, other)).isGreaterThanOrEqualTo(best - 1e-12);
        }
    }

    private static double naiveLoss(float[] x, byte[] y, int d, double l2, double[] theta) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double z = theta[d];
            for (int j = 0; j < d; j++) {
                z += theta[j] * x[i * d + j];
            }
            double p = 1 / (1 + Math.exp(-z));
            sum -= y[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        double reg = 0;
        for (int j = 0; j < d; j++) {
            reg += theta[j] * theta[j];
        }
        return sum / y.length + 0.5 * l2 * reg;
    }
}
