// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.harness;

import dev.tailor.algorithms.common.Parallel;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.split.DataFilters;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.stats.PairedComparison;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Trains each model on the split's training part, evaluates it on the test users, then compares every pair of
 * models with paired tests. Models are trained and scored one after another (each uses every thread), which
 * keeps peak memory to one model at a time.
 */
public final class Experiment {
    private Experiment() {
    }

    public static ExperimentResult run(Split split, DataFilters relevance, List<ModelSpec> models, EvalConfig config,
            ProgressListener progress) {
        long t0 = System.nanoTime();
        return run(EvalData.prepare(split, relevance, config), models, config, progress, t0);
    }

    /**
     * Runs on an already prepared evaluation (e.g. {@link EvalData#restrictTo restricted} to some items); models
     * train on {@code data.split().train()}.
     */
    public static ExperimentResult run(EvalData data, List<ModelSpec> models, ProgressListener progress) {
        return run(data, models, data.config(), progress, System.nanoTime());
    }

    private static ExperimentResult run(EvalData data, List<ModelSpec> models, EvalConfig config,
            ProgressListener progress, long t0) {
        Split split = data.split();
        List<ModelResult> results = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (ModelSpec spec : models) {
            String label = spec.label();
            for (int n = 2; !labels.add(label); n++) {
                label = spec.label() + "#" + n;
            }
            progress.progress("train " + label, 0, 1);
            long start = System.nanoTime();
            RecommenderModel model = spec.trainer().train(split.train());
            long trainMillis = (System.nanoTime() - start) / 1_000_000;
            progress.progress("train " + label, 1, 1);
            results.add(Evaluator.evaluate(model, data, label, spec.spec(), trainMillis, progress));
        }
        List<Comparison> comparisons = compare(results, config);
        return new ExperimentResult(data, results, comparisons, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Every ordered pair (i before j in the model list) on every compared metric and cutoff, in parallel. */
    static List<Comparison> compare(List<ModelResult> results, EvalConfig config) {
        int[] ks = config.ks();
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            for (int j = i + 1; j < results.size(); j++) {
                for (Metric m : config.compared()) {
                    if (m.atK()) {
                        for (int c = 0; c < ks.length; c++) {
                            jobs.add(new Job(i, j, m, c));
                        }
                    } else {
                        jobs.add(new Job(i, j, m, 0));
                    }
                }
            }
        }
        Comparison[] out = new Comparison[jobs.size()];
        Parallel.forChunks(jobs.size(), 1, config.threads(), () -> null, (none, chunk, from, to) -> {
            for (int x = from; x < to; x++) {
                Job job = jobs.get(x);
                ModelResult a = results.get(job.a());
                ModelResult b = results.get(job.b());
                Metric m = job.metric();
                int c = job.kIndex();
                // Same seed for every comparison: each is reproducible on its own.
                PairedComparison pc = PairedComparison.of(a.perUser(m, c), b.perUser(m, c),
                        config.bootstrapSamples(), config.seed());
                out[x] = new Comparison(a.label(), b.label(), m, m.atK() ? ks[c] : 0, pc);
            }
        });
        return List.of(out);
    }

    private record Job(int a, int b, Metric metric, int kIndex) {
    }
}
