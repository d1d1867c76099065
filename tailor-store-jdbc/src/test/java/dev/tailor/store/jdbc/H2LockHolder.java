// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.store.Store;
import java.io.IOException;

/**
 * A second process for {@link JdbcStoresTest}: opens the H2 store named by its argument, prints a line
 * starting with {@value #READY}, and holds the store open until its standard input closes.
 */
public final class H2LockHolder {
    static final String READY = "store open";

    private H2LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (Store store = JdbcStores.open(args[0])) {
            System.out.println(READY + ": " + store.describe());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Waits for the parent test to close our stdin.
            }
        }
    }
}
