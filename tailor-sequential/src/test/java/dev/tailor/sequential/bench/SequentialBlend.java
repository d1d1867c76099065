// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.bench;

import dev.tailor.algorithms.hybrid.BlendTrainer;
import dev.tailor.algorithms.hybrid.ScoreNormalization;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.eval.harness.Comparison;
import dev.tailor.eval.harness.EvalData;
import dev.tailor.eval.harness.Evaluator;
import dev.tailor.eval.harness.Experiment;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.harness.Protocols;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.report.ConsoleTable;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.stats.MeanCi;
import dev.tailor.io.importer.Datasets;
import dev.tailor.sequential.SequentialModels;
import dev.tailor.sequential.model.SequentialModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A sequential model saved by {@link SequentialQuality} blended with a registry model under the {@code loo}
 * protocol: the z-score blend's weight is chosen on the validation part (the second-to-last item), then the
 * sequential model, the other model and the blend are evaluated on test with the harness's paired tests.
 * <pre>
 *   SequentialBlend DATASET MODEL_FILE SPEC
 * </pre>
 * The sequential model must have been trained on the same protocol's training part (SequentialQuality does).
 */
public final class SequentialBlend {
    private static final double[] WEIGHTS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};

    private SequentialBlend() {
    }

    public static void main(String[] args) {
        Snapshot data = Datasets.load(args[0]);
        Protocols protocol = Protocols.of("loo", 42);
        Split split = protocol.split().apply(data);
        SequentialModel sequential = SequentialModels.load(Path.of(args[1]));
        TrainerSpec other = Algorithms.parse(args[2]);
        RecommenderModel otherModel = other.train(split.train());
        EvalData valid = EvalData.prepare(split, split.validation().orElseThrow(), protocol.split().filters(),
                protocol.config());
        double best = -1;
        double bestWeight = 0;
        for (double w : WEIGHTS) {
            RecommenderModel blended = blend(sequential, otherModel, w, split.train());
            ModelResult r = Evaluator.evaluate(blended, valid, label(sequential, other, w), "", 0,
                    ProgressListener.NONE);
            double ndcg = MeanCi.of(r.perUser(Metric.NDCG, Arrays.binarySearch(protocol.config().ks(), 10))).mean();
            System.out.printf(Locale.ROOT, "valid weight of %s %.2f: NDCG@10 %.4f%n", other.label(), w, ndcg);
            if (ndcg > best) {
                best = ndcg;
                bestWeight = w;
            }
        }
        String label = label(sequential, other, bestWeight);
        System.out.printf(Locale.ROOT, "best on validation: %s (NDCG@10 %.4f)%n", label, best);
        RecommenderModel blended = blend(sequential, otherModel, bestWeight, split.train());
        EvalData test = EvalData.prepare(split, split.test(), protocol.split().filters(), protocol.config());
        ExperimentResult r = Experiment.run(test, List.of(
                new ModelSpec(sequential.name(), sequential.provenance().config().toString(), s -> sequential),
                new ModelSpec(other.label(), other.spec(), s -> otherModel),
                new ModelSpec(label, label, s -> blended)), ProgressListener.NONE);
        System.out.println(ConsoleTable.render(r));
        for (Comparison c : r.comparisons()) {
            if (c.k() == 10 && (c.metric() == Metric.NDCG || c.metric() == Metric.HIT)) {
                System.out.printf(Locale.ROOT, "%s vs %s %s@10: diff %+.4f, bootstrap CI [%+.4f, %+.4f], t p=%.2g,"
                        + " Wilcoxon p=%.2g, significant %s%n", c.a(), c.b(), c.metric(), c.stats().meanDiff(),
                        c.stats().bootLow(), c.stats().bootHigh(), c.stats().tP(), c.stats().wilcoxonP(),
                        c.stats().significant(0.05));
            }
        }
    }

    private static String label(SequentialModel sequential, TrainerSpec other, double weight) {
        return String.format(Locale.ROOT, "blend(%.2f*%s,%.2f*%s)", 1 - weight, sequential.name(), weight,
                other.label());
    }

    private static RecommenderModel blend(RecommenderModel sequential, RecommenderModel other, double weight,
            Snapshot train) {
        return new BlendTrainer(List.of(s -> sequential, s -> other), new float[] {(float) (1 - weight),
            (float) weight}, ScoreNormalization.ZSCORE, "blend").train(train);
    }
}
