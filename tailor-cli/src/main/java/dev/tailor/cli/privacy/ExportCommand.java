// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.cli.StoreOptions;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.store.Store;
import dev.tailor.server.privacy.CustomerExport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tailor privacy export}: everything the store holds on one customer, as JSON on stdout. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Print everything the store holds on a customer, as JSON (right of access).",
        description = {
            "Print the customer's profile (decrypted) and every event in time order",
            "(search text decrypted), with the id they are stored under: the document",
            "GET /v1/admin/customers/{id}/export returns, without what a running server",
            "holds in memory. Exit code 1 when the store holds nothing on the id.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tailor privacy export u0000042 > u0000042.json",
            "  tailor privacy export 196 --store h2:./ml --privacy-keys keys.properties"})
final class ExportCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "CUSTOMER", description = "The customer's id, as the shop knows it.")
    String customer;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ObjectNode export;
        try (Store s = store.open()) {
            export = CustomerExport.of(s, customer).orElseThrow(() -> unknown(customer, s));
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(export));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        return 0;
    }

    /** The message of export and erase for an id the store knows nothing about. */
    static TailorException unknown(String customer, Store s) {
        return new TailorException("no customer '" + customer + "' in " + s.describe() + ": it holds no profile or "
                + "events for this id" + (s.pseudonymizer().active() ? " (looked up by its pseudonym under the key "
                        + "file's keys)" : ""));
    }
}
