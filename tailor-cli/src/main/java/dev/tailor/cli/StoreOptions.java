// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import dev.tailor.core.store.Store;
import dev.tailor.store.jdbc.JdbcStores;
import dev.tailor.store.jdbc.StorePrivacy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code --store} and {@code --privacy-keys} options every command that reads or writes data shares. */
public final class StoreOptions {
    public static final String DEFAULT_STORE = "h2:./tailor-data";

    @Option(names = "--store", paramLabel = "SPEC",
            description = "Where data lives: h2:DIR (embedded, default ${DEFAULT-VALUE}), h2:mem:NAME, or a "
                    + "jdbc:postgresql:// URL. Also settable with TAILOR_STORE.",
            defaultValue = "${env:TAILOR_STORE:-" + DEFAULT_STORE + "}")
    String spec;

    @Mixin
    PrivacyOptions privacy = new PrivacyOptions();

    public String spec() {
        return spec;
    }

    /** The key-file option, for commands that need the file itself (key rotation). */
    public PrivacyOptions privacyOptions() {
        return privacy;
    }

    /** The protection the key file configures, or none without one. */
    public StorePrivacy privacy() {
        return privacy.privacy();
    }

    /** Opens the store with the configured protection (loading the key file first, so its errors come first). */
    public Store open() {
        return JdbcStores.open(spec, privacy());
    }
}
