// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.tune;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.EvalData;
import dev.tailor.eval.harness.Evaluator;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.split.DataFilters;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.stats.MeanCi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hyper-parameter search on the validation part of a split: models train on the training part and are scored on
 * the validation users (validation items are then neither history nor masked). Two strategies over a
 * {@link SearchSpace} (by default the algorithm's, {@link Algorithms#searchSpace}), both seeded:
 * <ul>
 *   <li>random search (Bergstra and Bengio 2012): {@code trials} configurations, each on the full data;</li>
 *   <li>successive halving (Jamieson and Talwalkar 2016): {@code configs} configurations start on a fraction
 *       eta^-R of the training users; each rung keeps the best 1/eta and multiplies the fraction by eta, until
 *       the last rung trains on all users. The budget is data because neighbourhood models have no epochs;
 *       cost grows with the users trained on.</li>
 * </ul>
 */
public final class Tuner {
    private final Algorithms registry;
    private final Split split;
    private final DataFilters relevance;
    private final EvalConfig config;
    private final Metric metric;
    private final int kIndex;
    private final ProgressListener progress;
    private final EvalData validation;

    /**
     * @param metric the target (higher is better), at {@code config.ks()[kIndex]}
     * @throws ValidationException when the split has no validation part
     */
    public Tuner(Algorithms registry, Split split, DataFilters relevance, EvalConfig config, Metric metric,
            int kIndex, ProgressListener progress) {
        if (split.validation().isEmpty()) {
            throw ValidationException.of("split", "tuning needs a validation part; use a split such as "
                    + "loo:valid=true or holdout:ratio=0.8/0.1/0.1");
        }
        if (!metric.higherIsBetter()) {
            throw ValidationException.of("metric", metric.key() + " is not a target to maximize");
        }
        this.registry = registry;
        this.split = split;
        this.relevance = relevance;
        this.config = config;
        this.metric = metric;
        this.kIndex = kIndex;
        this.progress = progress;
        this.validation = EvalData.prepare(split, split.validation().get(), relevance, config);
    }

    /** Random search over the registry's space of {@code algorithm} (see {@link #randomSearch(SearchSpace, int, long)}). */
    public TuneResult randomSearch(String algorithm, int trials, long seed) {
        return randomSearch(SearchSpace.of(registry, algorithm), trials, seed);
    }

    /**
     * Random search: {@code trials} configurations drawn from the space, each trained on the whole training part
     * (the defaults are trial 0 when the space includes them). Fewer trials run when a small discrete space has
     * fewer distinct configurations.
     *
     * @throws ValidationException when {@code trials < 1}
     */
    public TuneResult randomSearch(SearchSpace space, int trials, long seed) {
        if (trials < 1) {
            throw ValidationException.of("trials", "expected at least 1 trial, got " + trials);
        }
        List<String> specs = space.sample(trials, seed);
        String stage = "tune " + space.algorithm();
        List<Trial> out = new ArrayList<>();
        progress.progress(stage, 0, specs.size());
        for (int i = 0; i < specs.size(); i++) {
            out.add(trial(i, specs.get(i), 0, 1.0, split.train()));
            progress.progress(stage, i + 1, specs.size());
        }
        Trial best = out.stream().max(Comparator.comparingDouble(Trial::score)).orElseThrow();
        return new TuneResult(label(), out, best.spec(), best.score());
    }

    /** Successive halving over the registry's space of {@code algorithm}. */
    public TuneResult successiveHalving(String algorithm, int configs, int eta, long seed) {
        return successiveHalving(SearchSpace.of(registry, algorithm), configs, eta, seed);
    }

    /**
     * Successive halving with {@code configs} starting configurations and reduction factor {@code eta}.
     *
     * @throws ValidationException when {@code configs < 2} or {@code eta < 2}
     */
    public TuneResult successiveHalving(SearchSpace space, int configs, int eta, long seed) {
        if (configs < 2 || eta < 2) {
            throw ValidationException.of("configs", "successive halving needs >= 2 configurations and eta >= 2, got "
                    + configs + " and " + eta);
        }
        List<String> specs = space.sample(configs, seed);
        int rungs = (int) Math.floor(Math.log(specs.size()) / Math.log(eta) + 1e-9);
        List<Integer> alive = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            alive.add(i);
        }
        String stage = "tune " + space.algorithm();
        long planned = plannedTrials(specs.size(), eta, rungs);
        long done = 0;
        progress.progress(stage, 0, planned);
        List<Trial> out = new ArrayList<>();
        Trial best = null;
        for (int rung = 0; rung <= rungs; rung++) {
            double fraction = Math.pow(eta, rung - rungs);
            Snapshot train = subsample(split.train(), fraction, seed);
            List<Trial> results = new ArrayList<>();
            for (int id : alive) {
                Trial t = trial(id, specs.get(id), rung, fraction, train);
                results.add(t);
                out.add(t);
                progress.progress(stage, ++done, planned);
            }
            results.sort(Comparator.comparingDouble(Trial::score).reversed());
            best = results.get(0);
            alive = new ArrayList<>();
            for (int j = 0; j < survivors(results.size(), eta); j++) {
                alive.add(results.get(j).id());
            }
            if (results.size() == 1) {
                break;
            }
        }
        return new TuneResult(label(), out, best.spec(), best.score());
    }

    private static int survivors(int n, int eta) {
        return Math.max(1, (int) Math.ceil(n / (double) eta));
    }

    /** Trials successive halving will run: n on rung 0, then ceil(n / eta) per rung down to one. */
    static long plannedTrials(int configs, int eta, int rungs) {
        long total = 0;
        int n = configs;
        for (int rung = 0; rung <= rungs; rung++) {
            total += n;
            if (n == 1) {
                break;
            }
            n = survivors(n, eta);
        }
        return total;
    }

    private String label() {
        return "validation " + metric.label(config.ks()[kIndex]);
    }

    private Trial trial(int id, String spec, int rung, double fraction, Snapshot train) {
        long t0 = System.nanoTime();
        TrainerSpec trainer = registry.trainer(spec);
        RecommenderModel model = trainer.train(train);
        ModelResult r = Evaluator.evaluate(model, validation, trainer.label(), trainer.spec(), 0,
                ProgressListener.NONE);
        double score = MeanCi.of(r.perUser(metric, kIndex)).mean();
        return new Trial(id, spec, rung, fraction, score, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The events of a deterministic {@code fraction} of users (all users at 1). */
    static Snapshot subsample(Snapshot train, double fraction, long seed) {
        if (fraction >= 1) {
            return train;
        }
        Interactions in = train.interactions();
        long threshold = (long) (fraction * (1L << 32));
        return train.withInteractions(train.name() + "@" + fraction,
                in.filter((u, k) -> (mix(seed, u) & 0xFFFFFFFFL) < threshold));
    }

    private static long mix(long seed, int user) {
        long z = seed + 0x9E3779B97F4A7C15L * (user + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
