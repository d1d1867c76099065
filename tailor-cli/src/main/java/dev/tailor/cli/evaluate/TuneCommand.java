// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.evaluate;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.cli.CliAlgorithms;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.tune.SearchSpace;
import dev.tailor.eval.tune.Trial;
import dev.tailor.eval.tune.TuneResult;
import dev.tailor.eval.tune.Tuner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tailor tune}: search a model's parameters on the validation part of a split, print the best
 * configuration and write every trial to a TSV. The test part is never looked at; {@code tailor evaluate} with
 * the printed spec gives the honest test numbers.
 */
@Command(name = "tune",
        mixinStandardHelpOptions = true,
        header = "Search a model's parameters on validation data.",
        sortOptions = false,
        description = {"Try configurations of one model (random search or successive halving), each trained on the",
            "training part and scored on the validation part of the split, and report the best. The test part is",
            "not used: run 'tailor evaluate' with the printed spec for test numbers.",
            "",
            "--space SPEC lists the parameters to search, separated by commas:",
            "  k=10..1000:log          a numeric (or duration) range, drawn log-uniformly (':lin' = uniformly)",
            "  sim=cosine|asymmetric   values drawn uniformly",
            "Without --space every searchable parameter the model spec leaves open is searched over the",
            "algorithm's default ranges, and the first configuration tried is the defaults."},
        footerHeading = "%nExamples:%n",
        footer = {"  tailor tune --data amazon-beauty --protocol loo --model item-knn --budget 30 --out out/tune-beauty",
            "  tailor tune --data ml-100k --protocol recbole --model item-knn:sim=cosine \\",
            "      --space 'k=10..2000:log,shrink=0.1..100:log,normalize=true|false' --strategy halving --budget 27 \\",
            "      --out out/tune-ml"})
public final class TuneCommand implements Callable<Integer> {
    @Mixin
    SplitOptions input;

    @Option(names = "--model", required = true, paramLabel = "SPEC",
            description = "The model to tune, optionally with parameters held fixed: item-knn, item-knn:sim=jaccard.")
    String model;

    @Option(names = "--space", paramLabel = "SPEC",
            description = "Parameters to search and their ranges (default: the algorithm's search space).")
    String space;

    @Option(names = "--strategy", defaultValue = "random", paramLabel = "NAME",
            description = "random (each configuration on all training users) or halving (successive halving: start"
                    + " on a sample of users, keep the best 1/eta per rung). Default ${DEFAULT-VALUE}.")
    String strategy;

    @Option(names = "--budget", defaultValue = "20", paramLabel = "N",
            description = "Configurations to try (random) or to start with (halving). Default ${DEFAULT-VALUE}.")
    int budget;

    @Option(names = "--eta", defaultValue = "3", paramLabel = "N",
            description = "Successive halving's reduction factor. Default ${DEFAULT-VALUE}.")
    int eta;

    @Option(names = "--metric", defaultValue = "ndcg", paramLabel = "NAME",
            description = "Target on validation users: ndcg, recall, hit, mrr, map, precision, auc, ... "
                    + "Default ${DEFAULT-VALUE}.")
    String metric;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K", description = "Cutoff of the target. Default ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for trials.tsv (every trial) and best.txt (the winning spec).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for the split and the configurations drawn.")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "Scoring threads, 0 = all processors.")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Every argument is checked before the data is loaded: a typo should cost a second, not an import.
        boolean halving = switch (strategy.trim().toLowerCase(Locale.ROOT)) {
            case "random" -> false;
            case "halving" -> true;
            default -> throw ValidationException.of("strategy", "unknown strategy '" + strategy
                    + "'; expected random or halving");
        };
        if (budget < 1) {
            throw ValidationException.of("budget", "expected at least 1 configuration, got " + budget);
        }
        if (halving && budget < 2) {
            throw ValidationException.of("budget", "successive halving needs at least 2 configurations, got "
                    + budget);
        }
        if (halving && eta < 2) {
            throw ValidationException.of("eta", "expected a reduction factor >= 2, got " + eta);
        }
        Metric target = Metric.parse(metric);
        if (!target.higherIsBetter()) {
            throw ValidationException.of("metric", target.key() + " is reported, not maximized; choose ndcg, "
                    + "recall, hit, mrr, map or precision");
        }
        SplitOptions.Setup setup = input.setup(seed);
        EvalConfig config = setup.config().withKs(k).withThreads(threads);
        Algorithms registry = CliAlgorithms.all();
        SearchSpace searchSpace = SearchSpace.parse(registry, model, space);

        PrintWriter err = spec.commandLine().getErr();
        err.println("Loading " + input.data() + " ...");
        err.flush();
        Snapshot snapshot = input.load();
        Split s = setup.split().apply(snapshot);
        err.printf("Split %s: %,d train, %,d validation events%n", setup.split().spec(),
                s.train().interactions().size(), s.validation().map(v -> v.interactions().size()).orElse(0));
        err.printf("Searching %s over %s (%s, budget %d)%n", searchSpace.algorithm(), searchSpace.describe(),
                halving ? "successive halving, eta " + eta : "random search", budget);
        err.flush();
        TuneResult result;
        try (ProgressBars bars = new ProgressBars(err)) {
            Tuner tuner = new Tuner(registry, s, setup.filters(), config, target, 0, bars);
            result = halving ? tuner.successiveHalving(searchSpace, budget, eta, seed)
                    : tuner.randomSearch(searchSpace, budget, seed);
        }
        write(result);

        PrintWriter o = spec.commandLine().getOut();
        o.print(table(result, 10));
        o.println();
        o.printf(Locale.ROOT, "Best: %s (%s %.4f)%n", result.best(), result.metric(), result.bestScore());
        o.println("Trials written to " + out.resolve("trials.tsv").toAbsolutePath() + ", the best spec to best.txt");
        o.println("Test it: tailor evaluate --data " + input.data() + " " + input.asArguments() + " --models '"
                + result.best() + "' --out " + out.resolve("test"));
        o.flush();
        return 0;
    }

    private void write(TuneResult result) {
        try {
            Files.createDirectories(out);
            result.writeTsv(out.resolve("trials.tsv"));
            Files.writeString(out.resolve("best.txt"), result.best() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TailorException("cannot write the tuning results to " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * The best {@code limit} trials, later rungs (more data) first, then by score: with successive halving the
     * top row is the configuration that survived to the full budget.
     */
    static String table(TuneResult r, int limit) {
        List<Trial> sorted = new ArrayList<>(r.trials());
        sorted.sort(Comparator.comparingInt(Trial::rung).reversed()
                .thenComparing(Comparator.comparingDouble(Trial::score).reversed()));
        String scoreHeader = r.metric();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%4s  %" + scoreHeader.length() + "s  %4s  %6s  %8s  %s%n", "rank",
                scoreHeader, "rung", "users", "seconds", "spec"));
        for (int i = 0; i < Math.min(limit, sorted.size()); i++) {
            Trial t = sorted.get(i);
            sb.append(String.format(Locale.ROOT, "%4d  %" + scoreHeader.length() + ".4f  %4d  %5.0f%%  %8.1f  %s%n",
                    i + 1, t.score(), t.rung(), 100 * t.fraction(), t.millis() / 1000.0, t.spec()));
        }
        if (sorted.size() > limit) {
            sb.append(String.format(Locale.ROOT, "(%d more trials in trials.tsv)%n", sorted.size() - limit));
        }
        return sb.toString();
    }
}
