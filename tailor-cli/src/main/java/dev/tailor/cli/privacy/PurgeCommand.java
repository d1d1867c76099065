// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.privacy;

import dev.tailor.cli.StoreOptions;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import dev.tailor.server.ServerConfigFile;
import dev.tailor.server.privacy.RetentionJob;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tailor privacy purge}: one retention run, now. */
@Command(name = "purge",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Delete events older than a maximum age (retention).",
        description = {
            "Delete every event older than --older-than, in one transaction, and print",
            "how many. Customer profiles are kept (erase them one by one with 'erase').",
            "Models trained before keep what they learned from the deleted events until",
            "their next training. To purge on a schedule, run the server with",
            "'tailor serve --retention AGE'.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tailor privacy purge --older-than 365d",
            "  tailor privacy purge --older-than 90d --store jdbc:postgresql://db:5432/shop"})
final class PurgeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--older-than", required = true, paramLabel = "AGE",
            description = "Maximum age of the events kept: 365d, 36h, or ISO-8601 (P30D); at least 1 day.")
    String olderThan;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Duration age = ServerConfigFile.parseDuration("--older-than", olderThan);
        if (age.compareTo(RetentionJob.MIN_AGE) < 0) {
            throw ValidationException.of("--older-than", "expected at least 1 day, was '" + olderThan + "'");
        }
        Instant cutoff = Instant.now().minus(age);
        long deleted;
        String where;
        try (Store s = store.open()) {
            deleted = s.purgeEventsBefore(cutoff);
            where = s.describe();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Deleted %,d events older than %s (%s) from %s; customer profiles kept.%n",
                deleted, cutoff, olderThan, where);
        out.flush();
        return 0;
    }
}
