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
 * Unsupervised detection of fake profiles in two stages.
 *
 * <p><b>Stage 1, odd profiles.</b> Three per-profile statistics of the shilling-detection literature, each
 * turned into Iglewicz and Hoaglin's modified z-score M = 0.6745 (x − median) / MAD, which a handful of attack
 * profiles cannot drag the way they drag a mean and standard deviation:
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
 * A profile's suspicion is the mean of the three suspicious-direction scores (negative parts count 0): real
 * customers are often odd in one respect, fakes in all three, and on MovieLens 100K the mean flags far fewer
 * real customers than the maximum at the same recall. Profiles above {@code threshold} are candidates.
 *
 * <p><b>Stage 2, the campaign.</b> A shilling attack needs many profiles pushing the same item, so the detector
 * looks for the item shared by more candidates than chance explains: for each item, its count c among the
 * candidates against the count E expected from its popularity (candidates × holders / active users). The item
 * with the largest excess c − E among those with c ≥ {@code minGroup} and c ≥ {@code enrichment} × E is taken
 * as pushed, and the candidates holding it are flagged; the search repeats on the remaining candidates up to
 * {@code maxCampaigns} times. Candidates that share no pushed item are odd but harmless and stay, which keeps
 * most real customers from being removed. Odd real customers do share obscure items, so every further campaign
 * searched for risks flagging such a group: on MovieLens 100K, one campaign of at least 5 profiles flags 8 of
 * 943 real customers on clean data, five campaigns of at least 3 flag 37. The assumption is the attack's: many
 * fake profiles per target; an attack spread over many targets with a profile or two each escapes stage 2 (and
 * moves each target little).
 *
 * @param neighbours k for DegSim
 * @param threshold mean modified z-score above which a profile is a candidate
 * @param minGroup fewest candidates sharing an item that make a campaign
 * @param enrichment how many times its expected count a campaign's count must reach
 * @param maxCampaigns most pushed items searched for
 * @param threads 0 = all processors
 */
public record ProfileDetector(int neighbours, double threshold, int minGroup, double enrichment, int maxCampaigns,
        int threads) {
    private static final int RATING = EventType.RATING.ordinal();

    public ProfileDetector {
        if (neighbours < 1) {
            throw ValidationException.of("neighbours", "expected >= 1, got " + neighbours);
        }
        if (!(threshold > 0)) {
            throw ValidationException.of("threshold", "expected a modified z-score > 0, got " + threshold);
        }
        if (minGroup < 2) {
            throw ValidationException.of("min-group", "expected >= 2 profiles per campaign, got " + minGroup);
        }
        if (!(enrichment >= 1)) {
            throw ValidationException.of("enrichment", "expected >= 1, got " + enrichment);
        }
        if (maxCampaigns < 1) {
            throw ValidationException.of("max-campaigns", "expected >= 1, got " + maxCampaigns);
        }
    }

    /** k = 10, candidates above a mean modified z of 1.5, one campaign of at least 5 profiles, enrichment 4. */
    public static ProfileDetector defaults() {
        return new ProfileDetector(10, 1.5, 5, 4, 1, 0);
    }

    public ProfileDetector withThreshold(double z) {
        return new ProfileDetector(neighbours, z, minGroup, enrichment, maxCampaigns, threads);
    }

    public ProfileDetector withThreads(int n) {
        return new ProfileDetector(neighbours, threshold, minGroup, enrichment, maxCampaigns, n);
    }

    /**
     * The statistics and scores of every user with at least one event.
     *
     * @param rdma per user (NaN without ratings)
     * @param degSim per user
     * @param logPopularity per user
     * @param score per user, the mean of the suspicious-direction modified z-scores (NaN without events)
     */
    public record Scores(double[] rdma, double[] degSim, double[] logPopularity, double[] score) {
    }

    /** Users flagged as fake. */
    public BitSet detect(Snapshot train) {
        double[] s = score(train).score();
        BitSet candidates = new BitSet(s.length);
        for (int u = 0; u < s.length; u++) {
            if (s[u] > threshold) {
                candidates.set(u);
            }
        }
        Interactions in = train.interactions();
        int[] popularity = distinctUsers(in);
        int activeUsers = 0;
        for (int u = 0; u < in.numUsers(); u++) {
            activeUsers += in.count(u) > 0 ? 1 : 0;
        }
        BitSet flagged = new BitSet(s.length);
        int[] count = new int[in.numItems()];
        int[] last = new int[in.numItems()];
        for (int campaign = 0; campaign < maxCampaigns && !candidates.isEmpty(); campaign++) {
            Arrays.fill(count, 0);
            Arrays.fill(last, -1);
            int n = candidates.cardinality();
            for (int u = candidates.nextSetBit(0); u >= 0; u = candidates.nextSetBit(u + 1)) {
                for (int k = in.start(u); k < in.end(u); k++) {
                    int i = in.item(k);
                    if (last[i] != u) {
                        last[i] = u;
                        count[i]++;
                    }
                }
            }
            int target = -1;
            double bestExcess = 0;
            for (int i = 0; i < count.length; i++) {
                double expected = (double) n * popularity[i] / Math.max(1, activeUsers);
                double excess = count[i] - expected;
                if (count[i] >= minGroup && count[i] >= enrichment * expected && excess > bestExcess) {
                    bestExcess = excess;
                    target = i;
                }
            }
            if (target < 0) {
                break;
            }
            for (int u = candidates.nextSetBit(0); u >= 0; u = candidates.nextSetBit(u + 1)) {
                if (holds(in, u, target)) {
                    flagged.set(u);
                    candidates.clear(u);
                }
            }
        }
        return flagged;
    }

    private static boolean holds(Interactions in, int u, int item) {
        for (int k = in.start(u); k < in.end(u); k++) {
            if (in.item(k) == item) {
                return true;
            }
        }
        return false;
    }

    private static int[] distinctUsers(Interactions in) {
        int[] pop = new int[in.numItems()];
        int[] last = new int[in.numItems()];
        Arrays.fill(last, -1);
        for (int u = 0; u < in.numUsers(); u++) {
            for (int k = in.start(u); k < in.end(u); k++) {
                int i = in.item(k);
                if (last[i] != u) {
                    last[i] = u;
                    pop[i]++;
                }
            }
        }
        return pop;
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
            double sum = Math.abs(zD[u]) + Math.max(0, -zP[u]);
            int parts = 2;
            if (!Double.isNaN(zR[u])) {
                sum += Math.max(0, zR[u]);
                parts++;
            }
            score[u] = sum / parts;
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
