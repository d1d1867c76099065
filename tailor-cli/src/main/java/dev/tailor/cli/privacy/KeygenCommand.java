// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.privacy;

import dev.tailor.store.jdbc.StorePrivacy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tailor privacy keygen}: a new key file with fresh random keys. */
@Command(name = "keygen",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Write a new key file with fresh random keys.",
        description = {
            "Write a key file with a new pseudonym key (HMAC-SHA-256, 32 random bytes):",
            "stores opened with it keep customer ids only as keyed hashes. --encrypt adds",
            "an AES-256-GCM key for personal fields and search text. The file is created",
            "readable by its owner only and never overwritten.",
            "",
            "Use it from the first write of a store on (--privacy-keys FILE or",
            "TAILOR_PRIVACY_KEYS) and back it up: a store written with keys opens only",
            "with them, and without the file its data cannot be read.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tailor privacy keygen --out keys.properties",
            "  tailor privacy keygen --out /etc/tailor/keys.properties --encrypt --keep-identity",
            "  tailor sample-shop --privacy-keys keys.properties --store h2:./shop"})
final class KeygenCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The key file to create.")
    Path out;

    @Option(names = "--encrypt", description = "Also encrypt personal fields and search text (AES-256-GCM).")
    boolean encrypt;

    @Option(names = "--keep-identity",
            description = "Keep the mapping pseudonym -> shop id in the store (table customer_identities), for "
                    + "shops that list their customers from Tailor; erased with the customer.")
    boolean keepIdentity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StorePrivacy privacy = StorePrivacy.of(List.of(newKey()), keepIdentity,
                encrypt ? List.of(newKey()) : List.of());
        KeyFiles.create(out, privacy.toKeyFile(), "--out");
        PrintWriter o = spec.commandLine().getOut();
        o.println("Wrote " + out + " (readable by its owner only)");
        o.println("  pseudonyms  on, key fingerprint " + privacy.pseudonymizer().keyId()
                + (keepIdentity ? "; identity table kept" : "; no identity table"));
        o.println("  encryption  " + (encrypt ? "on (AES-256-GCM)" : "off (--encrypt turns it on)"));
        o.println("Back it up and keep it out of the database and version control: without it the data cannot be "
                + "read.");
        o.println("Use it from a store's first write on: --privacy-keys " + out + " or TAILOR_PRIVACY_KEYS=" + out);
        o.flush();
        return 0;
    }

    private static byte[] newKey() {
        return Base64.getDecoder().decode(StorePrivacy.newKey());
    }
}
