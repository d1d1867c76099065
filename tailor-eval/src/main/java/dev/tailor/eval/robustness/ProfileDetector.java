// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.robustness;

import dev.tailor.algorithms.common.Parallel;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.error.ValidationException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Unsupervised detection of anomalous (likely fake) profiles from three per-profile statistics of the
 * shilling-detection literature, each turned into Iglewicz and Hoaglin's modified z-score
 * M = 0.6745 (x − median) / MAD, which a handful of attack profiles cannot drag the way they drag a mean and
 * standard deviation:
 * <ul>
 *   <li>RDMA, rating deviation from mean agreement (Chirita, Nejdl and Zamfir 2005):
 *       (1/|I_u|) Σ_i |r_ui − r̄_i| / n_i; pushing a rarely rated item to the top deviates strongly from its
 *       few ratings. Suspicious when high; only on rating data.</li>
 *   <li>DegSim (same paper): mean cosine similarity of the profile's item set to its {@code k} most similar
 *       profiles. Attack profiles generated from one template differ from real taste in either direction, so
 *       both tails are suspicious.</li>
 *   <li>Mean log popularity of the profile's items: random fillers are drawn uniformly from the catalog, far
 *       from what real customers pick. Suspicious when low.</li>
 * </ul>
 * A profile is flagged when any score passes the threshold (3.5 is Iglewicz and Hoaglin's recommendation).
 *
 * @param neighbours k for DegSim
 * @param threshold modified z-score above which a profile is flagged
 * @param threads 0 = all processors
 */
public record ProfileDetector(int neighbours, double threshold, int threads) {
    private static final int RATING = EventType.RATING.ordinal();

    public ProfileDetector {
        if (neighbours < 1) {
            throw ValidationException.of("neighbours", "expected >= 1, got " + neighbours);
        }
        if (!(threshold > 0)) {
            throw ValidationException.of("threshold", "expected a modified z-score > 0, got " + threshold);
        }
    }

    public static ProfileDetector defaults() {
        return new ProfileDetector(10, 3.5, 0);
    }

    /**
     * The statistics and scores of every user with at least one event.
     *
     * @param rdma per user (NaN without ratings)
     * @param degSim per user
     * @param logPopularity per user
     * @param score per user, the largest suspicious modified z-score (NaN for users without events)
     */
    public record Scores(double[] rdma, double[] degSim, double[] logPopularity, double[] score) {
    }

    /** Users flagged as anomalous. */
    public BitSet detect(Snapshot train) {
        double[] s = score(train).score();
        BitSet flagged = new BitSet(s.length);
        for (int u = 0; u < s.length; u++) {
            if (s[u] > threshold) {
                flagged.set(u);
            }
        }
        return flagged;
    }

    public Scores score(Snapshot train) {
        Interactions in = train.interactions();
        int nu = train.numUsers();
        int ni = train.numItems();
        // Distinct users per item (item -> users index) and per-item rating means.
        int[] itemPtr = new int[ni + 1];
        int[] last = new int[ni];
        Arrays.fill(last, -1);
        double[] ratingSum = new double[ni];
        int[] ratingCount = new int[ni];
        for (int u = 0; u < nu; u++) {
            for (int k = in.start(u); k < in.end(u); k++) {
                int i = in.item(k);
                if (last[i] != u) {
                    last[i] = u;
                    itemPtr[i + 1]++;
                }
                if (in.typeOrdinal(k) == RATING) {
                    ratingSum[i] += in.value(k);
                    ratingCount[i]++;
                }
            }
        }
        for (int i = 0; i < ni; i++) {
            itemPtr[i + 1] += itemPtr[i];
        }
        int[] itemUsers = new int[itemPtr[ni]];
        int[] fill = Arrays.copyOf(itemPtr, ni);
        Arrays.fill(last, -1);
        int[] degree = new int[nu];
        for (int u = 0; u < nu; u++) {
            for (int k = in.start(u); k < in.end(u); k++) {
                int i = in.item(k);
                if (last[i] != u) {
                    last[i] = u;
                    itemUsers[fill[i]++] = u;
                    degree[u]++;
                }
            }
        }
        double[] rdma = new double[nu];
        double[] logPop = new double[nu];
        double[] degSim = new double[nu];
        Arrays.fill(rdma, Double.NaN);
        Arrays.fill(logPop, Double.NaN);
        Arrays.fill(degSim, Double.NaN);
        Parallel.forChunks(nu, 64, threads, () -> new DegScratch(nu, neighbours), (s, chunk, from, to) -> {
            for (int u = from; u < to; u++) {
                if (degree[u] == 0) {
                    continue;
                }
                double dev = 0;
                int rated = 0;
                double lp = 0;
                int n = 0;
                for (int k = in.start(u); k < in.end(u); k++) {
                    int i = in.item(k);
                    lp += Math.log(itemPtr[i + 1] - itemPtr[i]);
                    n++;
                    if (in.typeOrdinal(k) == RATING) {
                        dev += Math.abs(in.value(k) - ratingSum[i] / ratingCount[i]) / ratingCount[i];
                        rated++;
                    }
                }
                logPop[u] = lp / n;
                rdma[u] = rated == 0 ? Double.NaN : dev / rated;
                degSim[u] = s.degSim(u, in, itemPtr, itemUsers, degree);
            }
        });
        double[] zR = modifiedZ(rdma);
        double[] zD = modifiedZ(degSim);
        double[] zP = modifiedZ(logPop);
        double[] score = new double[nu];
        for (int u = 0; u < nu; u++) {
            if (degree[u] == 0) {
                score[u] = Double.NaN;
                continue;
            }
            double best = Math.max(Math.abs(zD[u]), -zP[u]);
            if (!Double.isNaN(zR[u])) {
                best = Math.max(best, zR[u]);
            }
            score[u] = best;
        }
        return new Scores(rdma, degSim, logPop, score);
    }

    /** Modified z-scores of the non-NaN values; 0 everywhere when the MAD is 0 (no spread to be odd against). */
    static double[] modifiedZ(double[] x) {
        double[] v = new double[x.length];
        int n = 0;
        for (double d : x) {
            if (!Double.isNaN(d)) {
                v[n++] = d;
            }
        }
        double[] z = new double[x.length];
        if (n == 0) {
            Arrays.fill(z, Double.NaN);
            return z;
        }
        double med = median(v, n);
        for (int j = 0; j < n; j++) {
            v[j] = Math.abs(v[j] - med);
        }
        double mad = median(v, n);
        for (int u = 0; u < x.length; u++) {
            z[u] = Double.isNaN(x[u]) ? Double.NaN : mad == 0 ? 0 : 0.6745 * (x[u] - med) / mad;
        }
        return z;
    }

    private static double median(double[] v, int n) {
        Arrays.sort(v, 0, n);
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }

    /** Per-thread co-occurrence counters for DegSim. */
    private static final class DegScratch {
        final int[] common;
        final int[] touched;
        final double[] top;
        final BitSet seen;

        DegScratch(int users, int k) {
            common = new int[users];
            touched = new int[users];
            top = new double[k];
            seen = new BitSet();
        }

        double degSim(int u, Interactions in, int[] itemPtr, int[] itemUsers, int[] degree) {
            int t = 0;
            seen.clear();
            for (int k = in.start(u); k < in.end(u); k++) {
                int i = in.item(k);
                if (seen.get(i)) {
                    continue;
                }
                seen.set(i);
                for (int x = itemPtr[i]; x < itemPtr[i + 1]; x++) {
                    int v = itemUsers[x];
                    if (v != u) {
                        if (common[v] == 0) {
                            touched[t++] = v;
                        }
                        common[v]++;
                    }
                }
            }
            // The k largest cosines in a small sorted array (k is ~10): insertion keeps it allocation-free.
            int kept = 0;
            for (int j = 0; j < t; j++) {
                int v = touched[j];
                double cos = common[v] / Math.sqrt((double) degree[u] * degree[v]);
                common[v] = 0;
                if (kept < top.length) {
                    int p = kept++;
                    while (p > 0 && top[p - 1] < cos) {
                        top[p] = top[p - 1];
                        p--;
                    }
                    top[p] = cos;
                } else if (cos > top[kept - 1]) {
                    int p = kept - 1;
                    while (p > 0 && top[p - 1] < cos) {
                        top[p] = top[p - 1];
                        p--;
                    }
                    top[p] = cos;
                }
            }
            double sum = 0;
            for (int j = 0; j < kept; j++) {
                sum += top[j];
            }
            // Profiles sharing no item with anybody have no neighbours: similarity 0 to all of them.
            return kept == 0 ? 0 : sum / top.length;
        }
    }
}
