// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.bench;

import dev.tailor.algorithms.als.AlsModel;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.ease.EaseModel;
import dev.tailor.algorithms.hybrid.BlendTrainer;
import dev.tailor.algorithms.hybrid.ScoreNormalization;
import dev.tailor.algorithms.registry.AlgorithmInfo;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.eval.harness.EvalData;
import dev.tailor.eval.harness.Evaluator;
import dev.tailor.eval.harness.Experiment;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.harness.Protocols;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.report.ConsoleTable;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.stats.MeanCi;
import dev.tailor.io.importer.Datasets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Quality runs of model specs under a named protocol, and random-search tuning on the validation part.
 * <pre>
 *   FactorQuality test DATASET PROTOCOL SPEC...           train on train, report the test part
 *   FactorQuality tune DATASET PROTOCOL N SPEC            N random configurations of SPEC's algorithm (the
 *                                                        parameters SPEC sets stay fixed), scored on the
 *                                                        validation part; the best is then reported on test
 *   FactorQuality recency DATASET PROTOCOL SPEC           one training of an als or ease SPEC; its scoring-time
 *                                                        recency chosen on validation from 1, 0.9, ..., 0.2,
 *                                                        then reported on test
 *   FactorQuality blend DATASET PROTOCOL SPEC_A SPEC_B    one training of each; the z-score blend's weight of B
 *                                                        (and B's scoring-time recency, for als/ease) chosen on
 *                                                        validation, then A, B and the blend on test with the
 *                                                        harness's paired comparisons
 * </pre>
 * Prints NDCG and HR at the protocol's cutoffs (with the 95% interval over test users at K = 10) and the
 * training and scoring times.
 */
public final class FactorQuality {
    private FactorQuality() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        Snapshot data = Datasets.load(args[1]);
        Protocols protocol = Protocols.of(args[2], 42);
        Split split = protocol.split().apply(data);
        System.out.printf(Locale.ROOT, "%s under %s: train %s%n", args[1], protocol.name(), split.train());
        switch (mode) {
            case "test" -> {
                for (String spec : Arrays.copyOfRange(args, 3, args.length)) {
                    print("test", protocol, evaluate(split, split.test(), protocol, Algorithms.parse(spec)));
                }
            }
            case "tune" -> tune(split, protocol, Integer.parseInt(args[3]), args[4]);
            case "recency" -> recency(split, protocol, Algorithms.parse(args[3]));
            case "blend" -> blend(split, protocol, Algorithms.parse(args[3]), Algorithms.parse(args[4]));
            default -> throw new IllegalArgumentException("mode must be test, tune, recency or blend, was " + mode);
        }
    }

    private static void tune(Split split, Protocols protocol, int n, String fixedSpec) {
        TrainerSpec fixed = Algorithms.parse(fixedSpec);
        AlgorithmInfo info = Algorithms.standard().info(fixed.algorithm());
        SplittableRandom random = new SplittableRandom(7);
        Snapshot valid = split.validation().orElseThrow();
        String best = null;
        double bestNdcg = -1;
        for (int t = 0; t < n; t++) {
            StringBuilder spec = new StringBuilder(fixedSpec.contains(":") ? fixedSpec : fixedSpec + ":");
            for (Param p : info.searchSpace()) {
                if (!fixed.given().containsKey(p.name())) {
                    if (spec.charAt(spec.length() - 1) != ':') {
                        spec.append(',');
                    }
                    spec.append(p.name()).append('=').append(p.sample(random));
                }
            }
            TrainerSpec candidate = Algorithms.parse(spec.toString());
            ModelResult r = evaluate(split, valid, protocol, candidate);
            print("valid", protocol, r);
            double ndcg = MeanCi.of(r.perUser(Metric.NDCG, kIndex(protocol, 10))).mean();
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                best = candidate.label();
            }
        }
        System.out.printf(Locale.ROOT, "best on validation: %s (NDCG@10 %.4f)%n", best, bestNdcg);
        print("test", protocol, evaluate(split, split.test(), protocol, Algorithms.parse(best)));
    }

    private static void recency(Split split, Protocols protocol, TrainerSpec spec) {
        long t = System.nanoTime();
        RecommenderModel trained = spec.train(split.train());
        long trainMillis = (System.nanoTime() - t) / 1_000_000;
        EvalData valid = EvalData.prepare(split, split.validation().orElseThrow(), protocol.split().filters(),
                protocol.config());
        double best = -1;
        RecommenderModel chosen = trained;
        for (double r = 1.0; r > 0.15; r -= 0.1) {
            RecommenderModel m = withRecency(trained, Math.round(r * 10) / 10.0);
            String label = spec.label() + " recency=" + Param.formatReal(Math.round(r * 10) / 10.0);
            ModelResult res = Evaluator.evaluate(m, valid, label, spec.spec(), trainMillis, ProgressListener.NONE);
            print("valid", protocol, res);
            double ndcg = MeanCi.of(res.perUser(Metric.NDCG, kIndex(protocol, 10))).mean();
            if (ndcg > best) {
                best = ndcg;
                chosen = m;
            }
        }
        EvalData test = EvalData.prepare(split, split.test(), protocol.split().filters(), protocol.config());
        print("test", protocol, Evaluator.evaluate(chosen, test, spec.label() + " recency="
                + chosen.provenance().config().get("recency"), spec.spec(), trainMillis, ProgressListener.NONE));
    }

    private static void blend(Split split, Protocols protocol, TrainerSpec a, TrainerSpec b) {
        long t = System.nanoTime();
        RecommenderModel modelA = a.train(split.train());
        long trainA = (System.nanoTime() - t) / 1_000_000;
        t = System.nanoTime();
        RecommenderModel modelB = b.train(split.train());
        long trainB = (System.nanoTime() - t) / 1_000_000;
        System.out.printf(Locale.ROOT, "trained %s in %.1f s, %s in %.1f s%n", a.label(), trainA / 1e3, b.label(),
                trainB / 1e3);
        EvalData valid = EvalData.prepare(split, split.validation().orElseThrow(), protocol.split().filters(),
                protocol.config());
        double[] recencies = modelB instanceof AlsModel || modelB instanceof EaseModel
                ? new double[] {1.0, 0.7, 0.5, 0.3} : new double[] {Double.NaN};
        double best = -1;
        RecommenderModel bestB = modelB;
        double bestWeight = 0;
        String bestLabel = null;
        for (double r : recencies) {
            RecommenderModel candidateB = Double.isNaN(r) ? modelB : withRecency(modelB, r);
            for (int step : new int[] {1, 2, 4, 6, 8, 12, 16}) {
                double weight = step / 40.0;
                String label = blendLabel(a, b, weight, r);
                RecommenderModel blended = blend(modelA, candidateB, (float) weight, label, split.train());
                ModelResult res = Evaluator.evaluate(blended, valid, label, label, 0, ProgressListener.NONE);
                print("valid", protocol, res);
                double ndcg = MeanCi.of(res.perUser(Metric.NDCG, kIndex(protocol, 10))).mean();
                if (ndcg > best) {
                    best = ndcg;
                    bestB = candidateB;
                    bestWeight = weight;
                    bestLabel = label;
                }
            }
        }
        System.out.printf(Locale.ROOT, "best on validation: %s (NDCG@10 %.4f)%n", bestLabel, best);
        RecommenderModel chosenB = bestB;
        RecommenderModel blended = blend(modelA, chosenB, (float) bestWeight, bestLabel, split.train());
        EvalData test = EvalData.prepare(split, split.test(), protocol.split().filters(), protocol.config());
        ExperimentResult result = Experiment.run(test, List.of(
                new ModelSpec(a.label(), a.spec(), s -> modelA),
                new ModelSpec(b.label() + " (chosen recency)", b.spec(), s -> chosenB),
                new ModelSpec(bestLabel, bestLabel, s -> blended)), ProgressListener.NONE);
        System.out.println(ConsoleTable.render(result));
    }

    private static String blendLabel(TrainerSpec a, TrainerSpec b, double weight, double recency) {
        String bSpec = b.label() + (Double.isNaN(recency) ? "" : (b.label().contains(":") ? "," : ":") + "recency="
                + Param.formatReal(recency));
        return "blend(" + Param.formatReal(1 - weight) + "*" + a.label() + "," + Param.formatReal(weight) + "*"
                + bSpec + ")";
    }

    private static RecommenderModel blend(RecommenderModel a, RecommenderModel b, float weightB, String label,
            Snapshot train) {
        return new BlendTrainer(List.of(s -> a, s -> b), new float[] {1 - weightB, weightB},
                ScoreNormalization.ZSCORE, label).train(train);
    }

    private static RecommenderModel withRecency(RecommenderModel m, double recency) {
        if (m instanceof AlsModel als) {
            return als.withRecency(recency);
        }
        if (m instanceof EaseModel ease) {
            return ease.withRecency(recency);
        }
        throw new IllegalArgumentException(m.name() + " has no scoring-time recency");
    }

    private static ModelResult evaluate(Split split, Snapshot target, Protocols protocol, TrainerSpec spec) {
        EvalData data = EvalData.prepare(split, target, protocol.split().filters(), protocol.config());
        long t = System.nanoTime();
        RecommenderModel model = spec.train(split.train());
        long trainMillis = (System.nanoTime() - t) / 1_000_000;
        return Evaluator.evaluate(model, data, spec.label(), spec.spec(), trainMillis, ProgressListener.NONE);
    }

    private static int kIndex(Protocols protocol, int k) {
        int i = Arrays.binarySearch(protocol.config().ks(), k);
        if (i < 0) {
            throw new IllegalArgumentException("protocol " + protocol.name() + " has no K = " + k);
        }
        return i;
    }

    private static void print(String part, Protocols protocol, ModelResult r) {
        List<String> cells = new ArrayList<>();
        int[] ks = protocol.config().ks();
        for (Metric m : new Metric[] {Metric.NDCG, Metric.HIT}) {
            for (int c = 0; c < ks.length; c++) {
                MeanCi ci = MeanCi.of(r.perUser(m, c));
                cells.add(String.format(Locale.ROOT, "%s@%d %.4f", m.name().toLowerCase(Locale.ROOT), ks[c],
                        ci.mean()) + (ks[c] == 10 ? String.format(Locale.ROOT, " ± %.4f", ci.halfWidth()) : ""));
            }
        }
        System.out.printf(Locale.ROOT, "%-5s %s%n      %s  train %.1f s  eval %.1f s%n", part, r.label(),
                String.join("  ", cells), r.trainMillis() / 1e3, r.evalMillis() / 1e3);
    }
}
