// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.evaluate;

import dev.tailor.cli.CliAlgorithms;
import dev.tailor.core.data.Snapshot;
import dev.tailor.eval.curves.Curve;
import dev.tailor.eval.curves.LearningCurves;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.Experiment;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.Sampling;
import dev.tailor.eval.harness.UserGrouping;
import dev.tailor.eval.report.ConsoleTable;
import dev.tailor.eval.report.CurveReport;
import dev.tailor.eval.report.ReportWriter;
import dev.tailor.eval.report.RunInfo;
import dev.tailor.eval.split.Split;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tailor evaluate}: train models on a split, score the test users, write and print the comparison. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        header = "Train and compare models on held-out behaviour.",
        sortOptions = false,
        description = {"Train models on a split of a dataset, evaluate them on held-out behaviour with full-ranking",
            "metrics, compare them with paired significance tests and write a report folder.",
            "Iterative models (als, bpr, pmf, neumf, content, hybrids of them) also report their training loss per",
            "epoch: printed as a table and written to curves.csv, curves/<model>.png and report.html."},
        footerHeading = "%nExamples:%n",
        footer = {"  tailor evaluate --data amazon-sports --protocol loo --models pop,item-knn,user-knn --out out/sports",
            "  tailor evaluate --data ml-100k --protocol recbole --groups gender,age --out out/ml",
            "  tailor evaluate --data ml-100k --protocol recbole --models ease,als --fairness \\",
            "      --attack average:profiles=0.03,filler=0.05,targets=5 --out out/ml-fair",
            "  tailor evaluate --data ml-100k --split holdout:ratio=0.8/0.2,seed=1 --min-user 5 --rating-min 4 \\",
            "      --models 'item-knn:k=50 user-knn' --k 10,20 --out out/ml-holdout"})
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    SplitOptions input;

    @Option(names = "--models", defaultValue = "pop,item-knn,user-knn", paramLabel = "SPECS",
            description = "Models to compare (default ${DEFAULT-VALUE}).")
    String models;

    @Option(names = "--k", paramLabel = "K,K", description = "Cutoffs (default 10,20, or the protocol's).")
    String ks;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the report.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for splits, sampling, bootstrap.")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "Scoring threads, 0 = all processors.")
    int threads;

    @Option(names = "--groups", paramLabel = "LIST", description = "Per-group rows: segment,gender,age,activity.")
    String groups;

    @Option(names = "--sampled", paramLabel = "N", description = "Rank against N sampled negatives instead of all.")
    Integer sampled;

    @Option(names = "--sample-by-popularity", description = "Sample negatives by popularity (default uniform).")
    boolean sampleByPopularity;

    @Mixin
    FairnessOptions fairness;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SplitOptions.Setup setup = input.setup(seed);
        EvalConfig config = setup.config();
        if (ks != null) {
            config = config.withKs(EvalConfig.parseKs(ks));
        }
        if (sampled != null) {
            config = config.withSampling(Optional.of(new Sampling(sampled, sampleByPopularity, seed)));
        }
        config = config.withThreads(threads).withGroupings(UserGrouping.parse(fairness.groups(groups)));
        fairness.validate();
        LearningCurves curves = new LearningCurves();
        List<ModelSpec> specs = curves.attach(CliAlgorithms.all().trainers(models).stream().map(ModelSpec::of)
                .toList());

        PrintWriter err = spec.commandLine().getErr();
        err.println("Loading " + input.data() + " ...");
        err.flush();
        Snapshot snapshot = input.load();
        Split s = setup.split().apply(snapshot);
        err.printf("Split %s: %,d train, %,d test events%n", setup.split().spec(), s.train().interactions().size(),
                s.test().interactions().size());
        err.flush();
        ExperimentResult r;
        try (ProgressBars bars = new ProgressBars(err)) {
            r = Experiment.run(s, setup.filters(), specs, config, bars);
        }
        List<Curve> trained = curves.curves();
        ReportWriter.write(r, new RunInfo(input.data(), setup.description(), seed, RunInfo.version(),
                Map.of("models", models)), trained, out);
        if (fairness.any()) {
            fairness.run(r, setup.filters(), specs, input.data() + ", " + setup.description(), out, err);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.print(ConsoleTable.render(r));
        if (!trained.isEmpty()) {
            o.println();
            o.print(CurveReport.render(trained));
        }
        o.println();
        o.println("Report written to " + out.toAbsolutePath() + " (report.html, metrics.json, recommendations"
                + (trained.isEmpty() ? "" : ", " + CurveReport.CSV) + ")");
        o.flush();
        return 0;
    }
}
