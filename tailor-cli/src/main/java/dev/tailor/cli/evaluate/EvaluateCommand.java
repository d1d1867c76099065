// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.evaluate;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.Experiment;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.Protocols;
import dev.tailor.eval.harness.Sampling;
import dev.tailor.eval.harness.UserGrouping;
import dev.tailor.eval.report.ConsoleTable;
import dev.tailor.eval.report.ReportWriter;
import dev.tailor.eval.report.RunInfo;
import dev.tailor.eval.split.DataFilters;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.split.SplitSpec;
import dev.tailor.io.importer.Datasets;
import dev.tailor.store.jdbc.JdbcStores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tailor evaluate}: train models on a split, score the test users, write and print the comparison. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Train models on a split of a dataset, evaluate them on held-out behaviour with full-ranking",
            "metrics, compare them with paired significance tests and write a report folder."},
        footerHeading = "%nExamples:%n",
        footer = {"  tailor evaluate --data amazon-sports --protocol loo --models pop,item-knn,user-knn --out out/sports",
            "  tailor evaluate --data ml-100k --protocol recbole --groups gender,age --out out/ml",
            "  tailor evaluate --data ml-100k --split holdout:ratio=0.8/0.2,seed=1 --min-user 5 --rating-min 4 \\",
            "      --models 'item-knn:k=50 user-knn' --k 10,20 --out out/ml-holdout"})
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DATASET",
            description = "A dataset name (ml-100k, amazon-sports, ...), a folder or file, or a store spec "
                    + "(store:h2:DIR, store:jdbc:postgresql://...).")
    String data;

    @Option(names = "--split", paramLabel = "SPEC",
            description = "loo[:valid=true], temporal:cut=0.8, holdout:ratio=0.8/0.1/0.1[,seed=N], kfold:k=5,fold=0.")
    String split;

    @Option(names = "--protocol", paramLabel = "NAME", description = "A preset instead of --split: loo or recbole.")
    String protocol;

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

    @Option(names = "--min-user", description = "k-core: minimum events per user.")
    Integer minUser;

    @Option(names = "--min-item", description = "k-core: minimum events per item.")
    Integer minItem;

    @Option(names = "--rating-min", description = "Ratings below this are negatives.")
    Double ratingMin;

    @Option(names = "--keep-negatives", description = "Keep sub-threshold ratings as non-relevant interactions.")
    boolean keepNegatives;

    @Option(names = "--groups", paramLabel = "LIST", description = "Per-group rows: segment,gender,age,activity.")
    String groups;

    @Option(names = "--sampled", paramLabel = "N", description = "Rank against N sampled negatives instead of all.")
    Integer sampled;

    @Option(names = "--sample-by-popularity", description = "Sample negatives by popularity (default uniform).")
    boolean sampleByPopularity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if ((split == null) == (protocol == null)) {
            throw ValidationException.of("split", "give exactly one of --split SPEC or --protocol loo|recbole");
        }
        SplitSpec splitSpec;
        EvalConfig config;
        if (protocol != null) {
            Protocols p = Protocols.of(protocol, seed);
            splitSpec = p.split();
            config = p.config();
        } else {
            splitSpec = SplitSpec.parse(split, seed);
            config = EvalConfig.defaults().withSeed(seed);
        }
        DataFilters f = splitSpec.filters();
        if (minUser != null || minItem != null || ratingMin != null || keepNegatives) {
            f = new DataFilters(minUser != null ? minUser : f.minUser(), minItem != null ? minItem : f.minItem(),
                    ratingMin != null ? ratingMin : f.ratingMin(), keepNegatives || f.keepNegatives());
            splitSpec = splitSpec.withFilters(f);
        }
        if (ks != null) {
            config = config.withKs(EvalConfig.parseKs(ks));
        }
        if (sampled != null) {
            config = config.withSampling(Optional.of(new Sampling(sampled, sampleByPopularity, seed)));
        }
        config = config.withThreads(threads).withGroupings(UserGrouping.parse(groups));
        List<ModelSpec> specs = Algorithms.standard().trainers(models).stream().map(ModelSpec::of).toList();

        PrintWriter err = spec.commandLine().getErr();
        err.println("Loading " + data + " ...");
        err.flush();
        Snapshot snapshot = load(data);
        Split s = splitSpec.apply(snapshot);
        err.printf("Split %s: %,d train, %,d test events%n", splitSpec.spec(), s.train().interactions().size(),
                s.test().interactions().size());
        err.flush();
        ExperimentResult r;
        try (ProgressBars bars = new ProgressBars()) {
            r = Experiment.run(s, f, specs, config, bars);
        }
        ReportWriter.write(r, new RunInfo(data, protocol != null ? protocol + " (" + splitSpec.spec() + ")"
                : splitSpec.spec(), seed, RunInfo.version(), Map.of("models", models)), out);
        PrintWriter o = spec.commandLine().getOut();
        o.print(ConsoleTable.render(r));
        o.println();
        o.println("Report written to " + out.toAbsolutePath() + " (report.html, metrics.json, recommendations)");
        o.flush();
        return 0;
    }

    static Snapshot load(String data) {
        if (data.startsWith("store:")) {
            try (Store store = JdbcStores.open(data.substring("store:".length()))) {
                return SnapshotBuilder.fromStore(store);
            }
        }
        return Datasets.load(data);
    }
}
