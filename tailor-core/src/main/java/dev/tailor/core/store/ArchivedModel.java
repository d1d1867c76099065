// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.store;

import dev.tailor.core.error.ValidationException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a {@link ModelArchive}.
 *
 * @param id assigned by the archive, increasing with each save
 * @param kind what the blob is, e.g. "model-set"
 * @param savedAt when the save committed (millisecond precision)
 * @param bytes the blob's length
 * @param metadata small string facts about the blob, e.g. what data and configuration it was trained from
 */
public record ArchivedModel(long id, String kind, Instant savedAt, long bytes, Map<String, String> metadata) {
    public ArchivedModel {
        Objects.requireNonNull(savedAt, "savedAt");
        metadata = Map.copyOf(metadata);
        checkKind(kind);
        if (bytes < 0) {
            throw ValidationException.of("bytes", "must be >= 0, was " + bytes);
        }
    }

    /** Kinds are short names: 1..64 characters of letters, digits, '-', '_' and '.'. */
    public static void checkKind(String kind) {
        if (kind == null || !kind.matches("[A-Za-z0-9._-]{1,64}")) {
            throw ValidationException.of("kind", "expected 1..64 letters, digits, '-', '_' or '.', was '" + kind
                    + "'");
        }
    }
}
