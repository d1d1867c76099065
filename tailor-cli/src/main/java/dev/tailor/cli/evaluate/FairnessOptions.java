// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.evaluate;

import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.eval.fairness.FairnessReport;
import dev.tailor.eval.fairness.ModelFairness;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.robustness.AttackEvaluation;
import dev.tailor.eval.robustness.AttackSpec;
import dev.tailor.eval.robustness.ProfileDetector;
import dev.tailor.eval.robustness.RobustnessReport;
import dev.tailor.eval.split.DataFilters;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code tailor evaluate}'s fairness and robustness options: per-group accuracy gaps, item exposure and the
 * popularity-aware re-ranker's trade-off ({@code --fairness}), and poisoned-training runs ({@code --attack},
 * {@code --noise}). Each writes its own report next to the main one.
 */
public final class FairnessOptions {
    static final String DEFAULT_GROUPS = "gender,age,segment";

    @Option(names = "--fairness", description = "Also write fairness/: NDCG gaps per user group with CIs and Welch"
            + " tests (groups from --groups, default " + DEFAULT_GROUPS + "), exposure by category and popularity"
            + " decile, Gini, and the re-ranker's accuracy-vs-exposure curve.")
    boolean fairness;

    @Option(names = "--rerank-lambdas", paramLabel = "L,L", defaultValue = "0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1",
            description = "Re-ranker strengths for --fairness (default ${DEFAULT-VALUE}).")
    String lambdas;

    @Option(names = "--rerank-candidates", paramLabel = "N", defaultValue = "100",
            description = "Items re-ranked per user (default ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--attack", paramLabel = "SPEC", description = "Also write robustness/: a shilling attack on"
            + " the training data, e.g. average:profiles=0.03,filler=0.05,targets=5 (random|average|bandwagon),"
            + " evaluated without and with the anomalous-profile defence.")
    String attack;

    @Option(names = "--noise", paramLabel = "R,R", description = "Also evaluate with random-click noise: extra"
            + " events per training event, e.g. 0.1,0.5.")
    String noise;

    @Option(names = "--detector-threshold", paramLabel = "Z", defaultValue = "1.5",
            description = "Mean modified z-score above which the defence considers a profile odd; odd profiles that"
                    + " push a common item are removed (default ${DEFAULT-VALUE}).")
    double threshold;

    /** Groupings to evaluate: the user's, or the fairness defaults when --fairness is on and none were given. */
    String groups(String given) {
        return given == null && fairness ? DEFAULT_GROUPS : given;
    }

    boolean any() {
        return fairness || attack != null || noise != null;
    }

    /** Fails before any training when an option is malformed. */
    void validate() {
        for (double l : parseList("rerank-lambdas", lambdas)) {
            if (!(l >= 0 && l <= 1)) {
                throw ValidationException.of("rerank-lambdas", "every strength must be in [0, 1], got " + l);
            }
        }
        if (candidates < 1) {
            throw ValidationException.of("rerank-candidates", "expected >= 1, got " + candidates);
        }
        if (attack != null) {
            AttackSpec.parse(attack);
        }
        if (noise != null) {
            for (double r : parseList("noise", noise)) {
                if (!(r > 0)) {
                    throw ValidationException.of("noise", "every rate must be > 0, got " + r);
                }
            }
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw ValidationException.of("detector-threshold", "expected a modified z-score > 0, got " + threshold);
        }
    }

    /** Writes the requested reports under {@code out}; each model is trained again as they need. */
    void run(ExperimentResult r, DataFilters filters, List<ModelSpec> specs, String title, Path out,
            PrintWriter err) {
        int kIndex = kIndex(r);
        int k = r.data().config().ks()[kIndex];
        if (fairness) {
            double[] l = parseList("rerank-lambdas", lambdas);
            List<ModelFairness> all = new ArrayList<>();
            for (int m = 0; m < specs.size(); m++) {
                ModelResult result = r.models().get(m);
                err.println("Fairness: " + result.label() + " ...");
                err.flush();
                // The harness keeps no trained models (memory); one more training buys the re-ranking sweep.
                RecommenderModel trained = specs.get(m).trainer().train(r.data().split().train());
                all.add(ModelFairness.analyze(r, result, kIndex, Optional.of(trained), l, Math.max(k, candidates),
                        0.2));
            }
            FairnessReport.write(all, title, out.resolve("fairness"));
            err.println("Fairness report written to " + out.resolve("fairness").toAbsolutePath()
                    + " (fairness.md, fairness.html, rerank.tsv, rerank-*.png)");
            err.flush();
        }
        if (attack != null || noise != null) {
            AttackSpec spec = attack == null ? null : AttackSpec.parse(attack);
            ProfileDetector detector = ProfileDetector.defaults().withThreshold(threshold)
                    .withThreads(r.data().config().threads());
            List<AttackEvaluation.Report> attacks = new ArrayList<>();
            List<RobustnessReport.NoiseResult> noisy = new ArrayList<>();
            int bootstrap = r.data().config().bootstrapSamples();
            for (ModelSpec s : specs) {
                err.println("Robustness: " + s.label() + " ...");
                err.flush();
                if (spec != null) {
                    attacks.add(AttackEvaluation.run(s, r.data(), filters, spec, detector, k, bootstrap,
                            ProgressListener.NONE));
                }
                if (noise != null) {
                    double[] rates = parseList("noise", noise);
                    noisy.add(new RobustnessReport.NoiseResult(s.label(), k, rates, AttackEvaluation.noise(s,
                            r.data(), filters, rates, k, bootstrap, r.data().config().seed())));
                }
            }
            RobustnessReport.write(attacks, noisy, title, out.resolve("robustness"));
            err.println("Robustness report written to " + out.resolve("robustness").toAbsolutePath()
                    + " (robustness.md)");
            err.flush();
        }
    }

    /** K = 10 when the run has it (the reports' headline cutoff), else the first K. */
    private static int kIndex(ExperimentResult r) {
        int[] ks = r.data().config().ks();
        for (int c = 0; c < ks.length; c++) {
            if (ks[c] == 10) {
                return c;
            }
        }
        return 0;
    }

    private static double[] parseList(String name, String text) {
        String[] parts = text.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ValidationException.of(name, "expected comma-separated numbers, got '" + text + "'");
            }
        }
        return v;
    }
}
