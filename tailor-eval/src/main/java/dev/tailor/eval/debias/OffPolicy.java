// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.debias;

import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;
import java.util.BitSet;
import java.util.function.IntFunction;

/**
 * Off-policy estimators of a target policy's expected reward per impression from impressions logged by another
 * policy. With importance weights w_j = π(a_j | x_j) / p_j:
 * <ul>
 *   <li>IPS: V = (1/n) Σ w_j r_j, unbiased whenever p_j &gt; 0 wherever π puts mass; interval from the sample
 *       variance of w_j r_j;</li>
 *   <li>SNIPS: V = Σ w_j r_j / Σ w_j, consistent, bias O(1/n), usually far lower variance; interval by the
 *       delta method, Var ≈ Σ w_j² (r_j − V)² / (Σ w_j)²;</li>
 *   <li>naive: the mean reward of the logged impressions the target policy would also show (w_j &gt; 0), what
 *       an offline evaluation on logs without propensities reports; biased toward the logging policy's taste.</li>
 * </ul>
 */
public final class OffPolicy {
    private static final double Z975 = 1.959963984540054;

    private OffPolicy() {
    }

    public static Estimate ips(LoggedImpressions log, double[] targetProbability) {
        check(log, targetProbability);
        int n = log.size();
        double sum = 0;
        double sumSq = 0;
        for (int j = 0; j < n; j++) {
            double x = targetProbability[j] / log.propensities()[j] * log.rewards()[j];
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double var = n < 2 ? Double.NaN : Math.max(0, (sumSq - sum * sum / n) / (n - 1));
        double half = Z975 * Math.sqrt(var / n);
        return new Estimate(mean, mean - half, mean + half, n, ess(log, targetProbability));
    }

    public static Estimate snips(LoggedImpressions log, double[] targetProbability) {
        check(log, targetProbability);
        int n = log.size();
        double sw = 0;
        double swr = 0;
        for (int j = 0; j < n; j++) {
            double w = targetProbability[j] / log.propensities()[j];
            sw += w;
            swr += w * log.rewards()[j];
        }
        if (sw == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, n, 0);
        }
        double v = swr / sw;
        double num = 0;
        for (int j = 0; j < n; j++) {
            double w = targetProbability[j] / log.propensities()[j];
            double d = log.rewards()[j] - v;
            num += w * w * d * d;
        }
        double half = Z975 * Math.sqrt(num) / sw;
        return new Estimate(v, v - half, v + half, n, ess(log, targetProbability));
    }

    public static Estimate naive(LoggedImpressions log, double[] targetProbability) {
        check(log, targetProbability);
        double sum = 0;
        double sumSq = 0;
        int m = 0;
        for (int j = 0; j < log.size(); j++) {
            if (targetProbability[j] > 0) {
                double r = log.rewards()[j];
                sum += r;
                sumSq += r * r;
                m++;
            }
        }
        if (m == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        double mean = sum / m;
        double var = m < 2 ? Double.NaN : Math.max(0, (sumSq - sum * sum / m) / (m - 1));
        double half = Z975 * Math.sqrt(var / m);
        return new Estimate(mean, mean - half, mean + half, m, m);
    }

    /**
     * A recommender as a target policy over K slots: π(i | u) = 1/K when i is in the user's top K (history
     * masked), else 0. Its value is then the expected reward of a slot of its list, e.g. CTR@K.
     *
     * @param context the scoring context of a user index
     * @param history items never recommended to a user (what the harness masks), by user index
     * @return π(item_j | user_j) per impression
     */
    public static double[] topKPolicy(RecommenderModel model, LoggedImpressions log, int k,
            IntFunction<UserContext> context, IntFunction<int[]> history) {
        if (k < 1) {
            throw ValidationException.of("k", "expected K >= 1, got " + k);
        }
        double[] pi = new double[log.size()];
        float[] scores = new float[model.itemCount()];
        BitSet exclude = new BitSet(model.itemCount());
        BitSet inTop = new BitSet(model.itemCount());
        // Impressions grouped per user would score each user once; logs are not sorted, so remember the last.
        int lastUser = -1;
        for (int j = 0; j < log.size(); j++) {
            int u = log.users()[j];
            if (u != lastUser) {
                model.scoreAll(context.apply(u), scores);
                exclude.clear();
                for (int i : history.apply(u)) {
                    exclude.set(i);
                }
                inTop.clear();
                for (int i : TopK.select(scores, k, exclude)) {
                    inTop.set(i);
                }
                lastUser = u;
            }
            pi[j] = inTop.get(log.items()[j]) ? 1.0 / k : 0;
        }
        return pi;
    }

    private static double ess(LoggedImpressions log, double[] pi) {
        double s = 0;
        double s2 = 0;
        for (int j = 0; j < log.size(); j++) {
            double w = pi[j] / log.propensities()[j];
            s += w;
            s2 += w * w;
        }
        return s2 == 0 ? 0 : s * s / s2;
    }

    private static void check(LoggedImpressions log, double[] pi) {
        if (pi.length != log.size()) {
            throw ValidationException.of("target", "expected one target probability per impression (" + log.size()
                    + "), got " + pi.length);
        }
        if (log.size() == 0) {
            throw ValidationException.of("impressions", "no logged impressions to estimate from");
        }
        for (int j = 0; j < pi.length; j++) {
            if (!(pi[j] >= 0 && pi[j] <= 1)) {
                throw ValidationException.of("target", "impression " + (j + 1) + ": expected a probability in"
                        + " [0, 1], got " + pi[j]);
            }
        }
    }
}
