// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.harness;

import dev.tailor.core.data.EventWeights;
import dev.tailor.core.error.ValidationException;
import dev.tailor.eval.metric.Metric;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How models are evaluated on a split.
 *
 * @param ks cutoffs, strictly ascending, each >= 1; lists are computed once at max(ks)
 * @param maskHistory exclude the user's history items from the ranking (the usual full-ranking protocol); off,
 *     repeat purchases can be recommended and hit
 * @param maskValidation count validation items as history for masking (RecBole and ICLRec both do at test time)
 * @param contextIncludesValidation pass validation events to the model as part of the user's history (ICLRec
 *     does: its test input sequence ends with the validation item; RecBole's general models do not)
 * @param sampling the sampled-negative protocol instead of full ranking
 * @param threads scoring threads, 0 = all processors (results do not depend on it)
 * @param seed seed for sampling and the bootstrap
 * @param groupings per-group breakdowns
 * @param contextWeights event weights of the history handed to models
 * @param bootstrapSamples bootstrap resamples per comparison (0 = none)
 * @param topCategory diversity by root category instead of full category path
 * @param compared metrics the pairwise significance tests run on (each at every K)
 */
public record EvalConfig(int[] ks, boolean maskHistory, boolean maskValidation, boolean contextIncludesValidation,
        Optional<Sampling> sampling, int threads, long seed, List<UserGrouping> groupings,
        EventWeights contextWeights, int bootstrapSamples, boolean topCategory, List<Metric> compared) {
    public EvalConfig {
        ks = ks.clone();
        if (ks.length == 0) {
            throw ValidationException.of("k", "expected at least one cutoff K");
        }
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] <= 0) {
                throw ValidationException.of("k", "every K must be >= 1, got " + ks[i]);
            }
            if (i > 0 && ks[i] <= ks[i - 1]) {
                throw ValidationException.of("k", "cutoffs must be distinct and ascending, got " + Arrays.toString(ks));
            }
        }
        Objects.requireNonNull(sampling, "sampling");
        if (threads < 0) {
            throw ValidationException.of("threads", "expected >= 0 (0 = all processors), got " + threads);
        }
        groupings = List.copyOf(groupings);
        Objects.requireNonNull(contextWeights, "contextWeights");
        if (bootstrapSamples < 0) {
            throw ValidationException.of("bootstrap", "expected >= 0 resamples, got " + bootstrapSamples);
        }
        compared = List.copyOf(compared);
    }

    /** K = 10, 20; history masked; validation counted as history; full ranking; all threads; seed 42. */
    public static EvalConfig defaults() {
        return new EvalConfig(new int[] {10, 20}, true, true, true, Optional.empty(), 0, 42L, List.of(),
                EventWeights.DEFAULT, 1000, false, List.of(Metric.NDCG, Metric.RECALL, Metric.HIT, Metric.MRR,
                        Metric.AUC));
    }

    /** Parses "10,20" style cutoffs (sorted and de-duplicated), naming the parameter in errors. */
    public static int[] parseKs(String text) {
        String[] parts = text.split(",");
        int[] ks = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ks[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ValidationException.of("k", "expected comma-separated integers >= 1 such as 10,20, got '"
                        + text + "'");
            }
            if (ks[i] <= 0) {
                throw ValidationException.of("k", "every K must be >= 1, got " + ks[i] + " in '" + text + "'");
            }
        }
        return Arrays.stream(ks).sorted().distinct().toArray();
    }

    @Override
    public int[] ks() {
        return ks.clone();
    }

    public int maxK() {
        return ks[ks.length - 1];
    }

    public EvalConfig withKs(int... newKs) {
        return new EvalConfig(newKs, maskHistory, maskValidation, contextIncludesValidation, sampling, threads, seed,
                groupings, contextWeights, bootstrapSamples, topCategory, compared);
    }

    public EvalConfig withHistory(boolean mask, boolean maskValid, boolean contextValid) {
        return new EvalConfig(ks, mask, maskValid, contextValid, sampling, threads, seed, groupings, contextWeights,
                bootstrapSamples, topCategory, compared);
    }

    public EvalConfig withSampling(Optional<Sampling> s) {
        return new EvalConfig(ks, maskHistory, maskValidation, contextIncludesValidation, s, threads, seed, groupings,
                contextWeights, bootstrapSamples, topCategory, compared);
    }

    public EvalConfig withThreads(int n) {
        return new EvalConfig(ks, maskHistory, maskValidation, contextIncludesValidation, sampling, n, seed,
                groupings, contextWeights, bootstrapSamples, topCategory, compared);
    }

    public EvalConfig withSeed(long s) {
        return new EvalConfig(ks, maskHistory, maskValidation, contextIncludesValidation, sampling, threads, s,
                groupings, contextWeights, bootstrapSamples, topCategory, compared);
    }

    public EvalConfig withGroupings(List<UserGrouping> g) {
        return new EvalConfig(ks, maskHistory, maskValidation, contextIncludesValidation, sampling, threads, seed, g,
                contextWeights, bootstrapSamples, topCategory, compared);
    }

    public EvalConfig withBootstrap(int samples) {
        return new EvalConfig(ks, maskHistory, maskValidation, contextIncludesValidation, sampling, threads, seed,
                groupings, contextWeights, samples, topCategory, compared);
    }

    /** Same settings, with the pairwise significance tests run on {@code metrics} only (fewer = faster). */
    public EvalConfig withCompared(List<Metric> metrics) {
        return new EvalConfig(ks, maskHistory, maskValidation, contextIncludesValidation, sampling, threads, seed,
                groupings, contextWeights, bootstrapSamples, topCategory, metrics);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvalConfig c && Arrays.equals(ks, c.ks) && maskHistory == c.maskHistory
                && maskValidation == c.maskValidation && contextIncludesValidation == c.contextIncludesValidation
                && sampling.equals(c.sampling) && threads == c.threads && seed == c.seed
                && groupings.equals(c.groupings) && contextWeights.equals(c.contextWeights)
                && bootstrapSamples == c.bootstrapSamples && topCategory == c.topCategory
                && compared.equals(c.compared);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(ks), maskHistory, maskValidation, contextIncludesValidation, sampling,
                threads, seed, groupings, contextWeights, bootstrapSamples, topCategory, compared);
    }

    @Override
    public String toString() {
        return "EvalConfig[ks=" + Arrays.toString(ks) + ", maskHistory=" + maskHistory + ", maskValidation="
                + maskValidation + ", contextIncludesValidation=" + contextIncludesValidation + ", sampling="
                + sampling + ", threads=" + threads + ", seed=" + seed + "]";
    }
}
