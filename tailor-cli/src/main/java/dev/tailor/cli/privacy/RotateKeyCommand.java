// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.privacy;

import dev.tailor.cli.StoreOptions;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import dev.tailor.core.store.StoreStats;
import dev.tailor.store.jdbc.JdbcStores;
import dev.tailor.store.jdbc.StorePrivacy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tailor privacy rotate-key}: appends a fresh key to the pseudonym chain, rewrites every stored pseudonym
 * and updates the key file.
 *
 * <p>Order matters because the store and the key file must never disagree without a file that matches the store
 * on disk: the new key file is written next to the old one ({@code FILE.next}) before the store changes, the store
 * is rewritten in one transaction, then the new file replaces the old in one atomic move. If the rotation fails
 * the store and the old file are untouched and {@code FILE.next} is removed; if only the move fails, the error
 * says which file now matches the store.
 */
@Command(name = "rotate-key",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Rotate the pseudonym key of a store and update the key file.",
        description = {
            "Append a fresh random key to the pseudonym key chain of the key file, rewrite",
            "every pseudonym in the store under it (one transaction: customers, events,",
            "identity table, re-sealed profiles), then replace the key file atomically.",
            "Afterwards a leaked older key no longer links the data to customers; the old",
            "key file no longer opens the store. Keep every key in the file: lookups walk",
            "the whole chain.",
            "",
            "Stop servers using the store first (on H2 the store refuses a second user;",
            "a PostgreSQL server would keep serving by the old pseudonyms) and restart",
            "them with the updated file. Takes about as long as an import of the events.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tailor privacy rotate-key --privacy-keys keys.properties --store h2:./shop",
            "  TAILOR_PRIVACY_KEYS=/etc/tailor/keys.properties tailor privacy rotate-key \\",
            "      --store jdbc:postgresql://db:5432/shop"})
final class RotateKeyCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path file = store.privacyOptions().keyFile().orElseThrow(() -> ValidationException.of("--privacy-keys",
                "rotate-key updates the key file the store was written with; give it with --privacy-keys FILE or "
                        + "TAILOR_PRIVACY_KEYS"));
        StorePrivacy current = store.privacy();
        byte[] newKey = Base64.getDecoder().decode(StorePrivacy.newKey());
        StorePrivacy next;
        try {
            next = current.withPseudonymKey(newKey);
        } catch (ValidationException e) {
            throw new ValidationException(e.problems().stream().map(p -> p.at(file.toString(), 0)).toList());
        }
        Path pending = file.resolveSibling(file.getFileName() + ".next");
        if (Files.exists(pending)) {
            throw new TailorException(pending + " exists: an earlier rotation was cut short after writing it. If the "
                    + "store opens with it (tailor stats --privacy-keys " + pending + "), move it over " + file
                    + "; if not, delete it. Then run rotate-key again");
        }
        KeyFiles.create(pending, next.toKeyFile(), "--privacy-keys");
        try {
            JdbcStores.rotatePseudonymKey(store.spec(), current, newKey);
        } catch (RuntimeException e) {
            deleteQuietly(pending, e);
            throw e;
        }
        try {
            KeyFiles.replace(pending, file);
        } catch (IOException e) {
            throw new TailorException("the store now uses the keys in " + pending + ", but it could not replace "
                    + file + " (" + e.getMessage() + "): move " + pending + " over " + file + " by hand; " + file
                    + " no longer opens the store", e);
        }
        report(file, current, next);
        return 0;
    }

    private void report(Path file, StorePrivacy current, StorePrivacy next) {
        PrintWriter out = spec.commandLine().getOut();
        StoreStats stats;
        String where;
        // Opening with the new file proves it matches the store before anyone relies on it.
        try (Store s = JdbcStores.open(store.spec(), StorePrivacy.load(file))) {
            stats = s.stats();
            where = s.describe();
        }
        out.printf(Locale.ROOT, "Rotated the pseudonym key of %s%n", where);
        out.printf(Locale.ROOT, "  key chain   fingerprint %s -> %s (one key appended)%n",
                current.pseudonymizer().keyId(), next.pseudonymizer().keyId());
        out.printf(Locale.ROOT, "  store       every pseudonym rewritten: %,d customers, %,d events%n",
                stats.customers(), stats.events());
        out.printf(Locale.ROOT, "  key file    %s updated; the old version no longer opens the store%n", file);
        out.println("Back up the new key file now, and restart servers that use this store with it.");
        out.flush();
    }

    private static void deleteQuietly(Path file, RuntimeException cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
