// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import dev.tailor.core.error.ValidationException;
import dev.tailor.io.importer.text.LineReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Helpers for datasets published as per-user item sequences without times (the Amazon benchmarks). Events need
 * a timestamp, so the k-th item (0-based) of every user's sequence gets {@code 1970-01-01T00:00:00Z + k seconds}.
 * These timestamps carry order only: within a user they sort exactly as the sequence, and leave-last-out splits
 * work, but comparing them across users (global temporal splits, recency decay) is meaningless. Starting at the
 * epoch makes them unmistakable in any listing.
 */
final class Sequences {
    static final long STEP_MILLIS = 1_000L;

    private Sequences() {
    }

    /** The synthetic timestamp of the {@code position}-th (0-based) item of a sequence. */
    static long timestamp(int position) {
        return position * STEP_MILLIS;
    }

    /** First line of a file for format detection; empty when it is missing, unreadable or not text. */
    static Optional<String> firstLine(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (LineReader r = LineReader.open(file, StandardCharsets.UTF_8)) {
            return r.next() ? Optional.of(r.line()) : Optional.empty();
        } catch (RuntimeException e) {
            // Detection must never throw: an unreadable file simply is not this format.
            return Optional.empty();
        }
    }

    /** A placeholder title for datasets that publish no item text: "Beauty item 123". */
    static String placeholderTitle(String collection, String itemId) {
        if (itemId.isBlank()) {
            throw ValidationException.of("item_id", "missing id");
        }
        return collection + " item " + itemId.strip();
    }
}
