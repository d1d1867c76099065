// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.error.TailorException;

/**
 * An import that stopped: a file or required column is missing, the header is unusable, or more rows were
 * rejected than {@link ImportOptions#maxErrors()} allows. Thrown out of the {@code StoreWriter} callback on
 * purpose, so that {@code Store.write} rolls the whole import back. The message is complete for a person (reason
 * plus the located problems); {@link #report()} has the same facts for programs.
 */
public final class ImportFailedException extends TailorException {
    private static final long serialVersionUID = 1L;
    private final transient ImportReport report;
    private final String reason;

    public ImportFailedException(String reason, ImportReport report) {
        super(message(reason, report));
        this.reason = reason;
        this.report = report;
    }

    /** What stopped the import, in one sentence. */
    public String reason() {
        return reason;
    }

    /** Counts and problems up to the point the import stopped. */
    public ImportReport report() {
        return report;
    }

    private static String message(String reason, ImportReport report) {
        String details = report.details();
        return "Import of " + report.source() + " failed: " + reason + (details.isEmpty() ? "" : "\n" + details);
    }
}
