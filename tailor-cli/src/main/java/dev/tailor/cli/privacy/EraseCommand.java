// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.privacy;

import dev.tailor.cli.StoreOptions;
import dev.tailor.core.store.Erasure;
import dev.tailor.core.store.Store;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tailor privacy erase}: deletes everything the store holds on one customer. */
@Command(name = "erase",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Delete everything the store holds on a customer (right to erasure).",
        description = {
            "Delete the customer's profile, every event and the identity mapping (when",
            "kept) in one transaction. Exit code 1 when the store holds nothing on the id.",
            "",
            "This erases from the store only. While a server runs over the store, erase",
            "through it instead (DELETE /v1/admin/customers/{id}): it also forgets the",
            "customer's live state and hides them from the serving models at once.",
            "Models trained before keep what they learned until their next training;",
            "backups and replicas of the database are not touched (docs/privacy.md).",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tailor privacy erase u0000042",
            "  tailor privacy erase 196 --store h2:./ml --privacy-keys keys.properties"})
final class EraseCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CUSTOMER", description = "The customer's id, as the shop knows it.")
    String customer;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Erasure e;
        String where;
        String storedAs;
        try (Store s = store.open()) {
            storedAs = s.pseudonymizer().pseudonym(customer);
            e = s.eraseCustomer(customer);
            if (!e.found()) {
                throw ExportCommand.unknown(customer, s);
            }
            where = s.describe();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Erased customer %s%s from %s: profile %s, %,d events, identity mapping %s.%n",
                customer, storedAs.equals(customer) ? "" : " (stored as " + storedAs + ")", where,
                e.profile() ? "deleted" : "none", e.events(), e.identity() ? "deleted" : "none");
        out.println("Models trained before keep what they learned from them until their next training.");
        out.flush();
        return 0;
    }
}
