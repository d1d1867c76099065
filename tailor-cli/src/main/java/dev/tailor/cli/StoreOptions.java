// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import dev.tailor.core.store.Store;
import dev.tailor.store.jdbc.JdbcStores;
import picocli.CommandLine.Option;

/** The {@code --store} option every command that reads or writes data shares. */
public final class StoreOptions {
    public static final String DEFAULT_STORE = "h2:./tailor-data";

    @Option(names = "--store", paramLabel = "SPEC",
            description = "Where data lives: h2:DIR (embedded, default ${DEFAULT-VALUE}), h2:mem:NAME, or a "
                    + "jdbc:postgresql:// URL. Also settable with TAILOR_STORE.",
            defaultValue = "${env:TAILOR_STORE:-" + DEFAULT_STORE + "}")
    String spec;

    public String spec() {
        return spec;
    }

    public Store open() {
        return JdbcStores.open(spec);
    }
}
