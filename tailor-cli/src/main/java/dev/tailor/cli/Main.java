// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code tailor} command. Exit codes: 0 success, 1 the work failed (bad data, unreachable store),
 * 2 the command line was wrong. Users see one clear message, never a stack trace, unless they ask with
 * {@code --debug} (or TAILOR_DEBUG=1).
 */
@Command(name = "tailor",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Tailor: personalized-shopping recommendations for the JVM.",
        description = {
            "Keeps a shop's catalog, customers and behaviour in a store, learns",
            "recommenders from them, evaluates them honestly and serves them over HTTP.",
            "",
            "The store is chosen with --store SPEC on each command, or TAILOR_STORE:",
            "  h2:./tailor-data (default)       embedded database in a folder",
            "  jdbc:postgresql://host:5432/db   PostgreSQL; credentials from",
            "                                   TAILOR_PG_USER, TAILOR_PG_PASSWORD",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tailor demo",
            "  tailor sample-shop --items 2000 --customers 5000 --seed 7",
            "  tailor import movielens ../shared/data/ml-100k",
            "  tailor import csv --kind events --max-errors 10 events.csv",
            "  tailor stats",
            "  tailor serve --no-auth",
            "",
            "Run 'tailor COMMAND --help' for the options of a command."},
        subcommands = {
            DemoCommand.class,
            SampleShopCommand.class,
            ImportCommand.class,
            StatsCommand.class,
            TrainCommand.class,
            EmbedCommand.class,
            dev.tailor.cli.evaluate.EvaluateCommand.class,
            dev.tailor.cli.evaluate.TuneCommand.class,
            dev.tailor.cli.serve.ServeCommand.class,
            dev.tailor.cli.privacy.PrivacyCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests that run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handleFailure);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        ImportCommand.describeDatasets(cl.getSubcommands().get("import").getCommandSpec());
        return cl;
    }

    private static int handleFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean debug = "1".equals(System.getenv("TAILOR_DEBUG"))
                || parsed.expandedArgs().contains("--debug");
        if (e instanceof ValidationException || e instanceof TailorException) {
            err.println(cl.getColorScheme().errorText("error: " + e.getMessage()));
        } else {
            err.println(cl.getColorScheme().errorText("error: unexpected " + e.getClass().getSimpleName() + ": "
                    + e.getMessage()));
            err.println("This is a bug in Tailor; rerun with TAILOR_DEBUG=1 for the stack trace and report it.");
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof ValidationException ? 2 : 1;
    }
}
