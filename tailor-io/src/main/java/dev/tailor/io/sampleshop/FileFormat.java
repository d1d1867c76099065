// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

/** Layout of the generated files; columns and keys are listed in {@code docs/sample-shop.md}. */
public enum FileFormat {
    /** RFC 4180 CSV with a header line; lists joined with '|', absent values empty. */
    CSV("csv"),
    /** One JSON object per line; lists as arrays, absent values omitted. */
    JSONL("jsonl");

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
