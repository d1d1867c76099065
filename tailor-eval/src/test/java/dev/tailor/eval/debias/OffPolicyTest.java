// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.debias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.core.error.ValidationException;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OffPolicyTest {

    @Test
    void estimatorsByHand() {
        // Weights pi/p = 0.5/0.25, 0.5/0.25, 0/0.5 = 2, 2, 0. IPS = (2*1 + 2*0 + 0) / 3; SNIPS = 2 / (2 + 2);
        // naive = mean reward where pi > 0 = (1 + 0) / 2; effective sample size (2 + 2)^2 / (4 + 4) = 2.
        LoggedImpressions log = new LoggedImpressions(new int[] {0, 1, 2}, new int[] {0, 1, 2},
                new double[] {0.25, 0.25, 0.5}, new double[] {1, 0, 1});
        double[] pi = {0.5, 0.5, 0};
        Estimate ips = OffPolicy.ips(log, pi);
        assertThat(ips.value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(ips.effectiveSampleSize()).isCloseTo(2, within(1e-12));
        // Terms 2, 0, 0: sample sd sqrt(4/3), half-width 1.96 * sqrt(4/3) / sqrt(3).
        assertThat(ips.high() - ips.value()).isCloseTo(1.959963984540054 * Math.sqrt(4.0 / 3 / 3), within(1e-12));
        assertThat(OffPolicy.snips(log, pi).value()).isCloseTo(0.5, within(1e-12));
        assertThat(OffPolicy.naive(log, pi).value()).isCloseTo(0.5, within(1e-12));
        assertThat(OffPolicy.naive(log, pi).n()).isEqualTo(2);
    }

    @Test
    void badLogsAreRefusedNamingTheImpression() {
        assertThatThrownBy(() -> new LoggedImpressions(new int[] {0, 0}, new int[] {1, 2}, new double[] {0.5, 0},
                new double[] {1, 0})).isInstanceOf(ValidationException.class).hasMessageContaining("propensity")
                .hasMessageContaining("2");
        assertThatThrownBy(() -> new LoggedImpressions(new int[] {0}, new int[] {1}, new double[] {1.5},
                new double[] {1})).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new LoggedImpressions(new int[] {0}, new int[] {1, 2}, new double[] {1},
                new double[] {1})).hasMessageContaining("differ in length");
        LoggedImpressions ok = new LoggedImpressions(new int[] {0}, new int[] {1}, new double[] {1},
                new double[] {1});
        assertThatThrownBy(() -> OffPolicy.ips(ok, new double[] {2})).hasMessageContaining("target");
        assertThatThrownBy(() -> OffPolicy.ips(ok, new double[0])).hasMessageContaining("one target probability");
    }

    /**
     * A world where the truth is known: 200 users, 50 items, click probability c(u, i) higher for low item indices
     * (the popular ones); the logging policy shows item i with Zipf probability ∝ 1/(i+1) to everyone; the target
     * policy shows each user a fixed random list of 5 items. True value = mean over users of the list's mean
     * click probability. The naive estimate weights the list's items by how often the logger showed them, so it
     * overrates the popular, more clickable ones.
     */
    private static final class World {
        static final int USERS = 200;
        static final int ITEMS = 50;
        static final int K = 5;
        final double[][] click = new double[USERS][ITEMS];
        final boolean[][] inList = new boolean[USERS][ITEMS];
        final double[] logging = new double[ITEMS];
        final double truth;

        World(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            double h = 0;
            for (int i = 0; i < ITEMS; i++) {
                h += 1.0 / (i + 1);
            }
            for (int i = 0; i < ITEMS; i++) {
                logging[i] = 1.0 / (i + 1) / h;
            }
            double t = 0;
            for (int u = 0; u < USERS; u++) {
                double a = r.nextDouble();
                for (int i = 0; i < ITEMS; i++) {
                    click[u][i] = 0.02 + 0.3 * a * (1 - (double) i / ITEMS);
                }
                for (int c = 0; c < K;) {
                    int i = r.nextInt(ITEMS);
                    if (!inList[u][i]) {
                        inList[u][i] = true;
                        t += click[u][i] / K;
                        c++;
                    }
                }
            }
            truth = t / USERS;
        }

        LoggedImpressions log(int n, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            int[] users = new int[n];
            int[] items = new int[n];
            double[] p = new double[n];
            double[] rewards = new double[n];
            for (int j = 0; j < n; j++) {
                int u = r.nextInt(USERS);
                double x = r.nextDouble();
                int i = 0;
                while (i < ITEMS - 1 && x >= logging[i]) {
                    x -= logging[i];
                    i++;
                }
                users[j] = u;
                items[j] = i;
                p[j] = logging[i];
                rewards[j] = r.nextDouble() < click[u][i] ? 1 : 0;
            }
            return new LoggedImpressions(users, items, p, rewards);
        }

        double[] target(LoggedImpressions log) {
            double[] pi = new double[log.size()];
            for (int j = 0; j < pi.length; j++) {
                pi[j] = inList[log.users()[j]][log.items()[j]] ? 1.0 / K : 0;
            }
            return pi;
        }
    }

    @Test
    void ipsAndSnipsRecoverTheTruthWhereTheNaiveEstimateIsBiased() {
        World w = new World(1);
        LoggedImpressions log = w.log(200_000, 2);
        double[] pi = w.target(log);
        Estimate ips = OffPolicy.ips(log, pi);
        Estimate snips = OffPolicy.snips(log, pi);
        Estimate naive = OffPolicy.naive(log, pi);
        assertThat(ips.covers(w.truth)).as("IPS %s vs truth %s", ips, w.truth).isTrue();
        assertThat(snips.covers(w.truth)).as("SNIPS %s vs truth %s", snips, w.truth).isTrue();
        assertThat(naive.covers(w.truth)).as("naive %s vs truth %s", naive, w.truth).isFalse();
        assertThat(naive.value()).isGreaterThan(w.truth * 1.2);
        // Propensities estimated from the log itself (the logger is context-free here) work as well.
        LoggedImpressions estimated = new LoggedImpressions(log.users(), log.items(),
                Propensities.empirical(log.items(), World.ITEMS), log.rewards());
        assertThat(OffPolicy.snips(estimated, pi).covers(w.truth)).isTrue();
        assertThat(OffPolicy.ips(estimated, pi).covers(w.truth)).isTrue();
    }

    // A fixed generation seed: with a random one every run, the 4-standard-error bounds below fail now and then
    // (heavy-tailed IPS weights in some worlds), which made CI flaky; the 20 worlds stay random but reproducible.
    @Property(tries = 20, seed = "42")
    void ipsIsUnbiasedAcrossReplications(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        // The mean of 30 independent IPS estimates lies within 4 standard errors of the truth; the naive
        // estimate's mean does not come close.
        World w = new World(seed);
        int reps = 30;
        double sum = 0;
        double sumSq = 0;
        double naive = 0;
        for (int rep = 0; rep < reps; rep++) {
            LoggedImpressions log = w.log(5_000, seed * 31L + rep);
            double v = OffPolicy.ips(log, w.target(log)).value();
            sum += v;
            sumSq += v * v;
            naive += OffPolicy.naive(log, w.target(log)).value() / reps;
        }
        double mean = sum / reps;
        double se = Math.sqrt((sumSq - sum * sum / reps) / (reps - 1) / reps);
        assertThat(Math.abs(mean - w.truth)).isLessThan(4 * se);
        assertThat(naive - w.truth).isGreaterThan(4 * se);
    }
}
