// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest, so it cannot drift from the build. */
public final class Version implements IVersionProvider {
    public static String current() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"tailor " + current(), "Java " + System.getProperty("java.version")};
    }
}
