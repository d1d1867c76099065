// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import dev.tailor.store.jdbc.StorePrivacy;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --privacy-keys} option: the key file that switches on pseudonymous customer ids and encrypted
 * personal fields (docs/privacy.md). Shared by every command that opens a store, because a protected store must
 * be opened with its keys by every reader and writer alike; the store refuses a missing or wrong key file by name.
 */
public final class PrivacyOptions {
    /** The environment variable that names the key file when the option is not given. */
    public static final String ENV = "TAILOR_PRIVACY_KEYS";

    @Option(names = "--privacy-keys", paramLabel = "FILE", defaultValue = "${env:" + ENV + "}",
            description = "Key file that protects customer data in the store: pseudonymous customer ids and "
                    + "encrypted personal fields (make one with 'tailor privacy keygen'; docs/privacy.md). A store "
                    + "written with keys opens only with them. Also settable with " + ENV + ".")
    String keyFile;

    /** The key file, when one is configured (a blank environment variable counts as none). */
    public Optional<Path> keyFile() {
        return keyFile == null || keyFile.isBlank() ? Optional.empty() : Optional.of(Path.of(keyFile.strip()));
    }

    /**
     * The protection to open the store with: the key file's keys, or none.
     *
     * @throws dev.tailor.core.error.TailorException when the file is missing or unreadable (naming it)
     * @throws dev.tailor.core.error.ValidationException naming the file and entry when a key is malformed
     */
    public StorePrivacy privacy() {
        return keyFile().map(StorePrivacy::load).orElse(StorePrivacy.none());
    }

    /** Use this key file (for commands that build their store options in code, like the demo). */
    public void use(Path file) {
        this.keyFile = file.toString();
    }
}
