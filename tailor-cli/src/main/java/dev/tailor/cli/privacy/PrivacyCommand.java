// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.privacy;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tailor privacy}: the group; it only prints its usage. */
@Command(name = "privacy",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Protect customer data: key files, retention, export and erasure.",
        description = {
            "A store can keep customer ids only as keyed hashes (pseudonyms) and encrypt",
            "personal fields (age, gender, region, attributes, search text). The keys live",
            "in a key file outside the database: make one with 'keygen' and give it to",
            "every command with --privacy-keys FILE or TAILOR_PRIVACY_KEYS. It is fixed",
            "when a store is first written: a store written with keys opens only with",
            "them, a store written without keys cannot be switched on in place (import",
            "it into a new store opened with the keys). Back the key file up: without it",
            "the data cannot be read. What is and is not covered: docs/privacy.md.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tailor privacy keygen --out /etc/tailor/keys.properties --encrypt",
            "  export TAILOR_PRIVACY_KEYS=/etc/tailor/keys.properties",
            "  tailor import movielens ../shared/data/ml-100k --store h2:./shop",
            "  tailor privacy export 196 --store h2:./shop > customer-196.json",
            "  tailor privacy erase 196 --store h2:./shop",
            "  tailor privacy purge --older-than 365d --store h2:./shop",
            "  tailor privacy rotate-key --store h2:./shop",
            "  tailor serve --retention 365d --no-auth --store h2:./shop"},
        subcommands = {
            KeygenCommand.class,
            RotateKeyCommand.class,
            PurgeCommand.class,
            ExportCommand.class,
            EraseCommand.class,
            CommandLine.HelpCommand.class})
public final class PrivacyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
