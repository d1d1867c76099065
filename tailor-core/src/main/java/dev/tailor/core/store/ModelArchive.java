// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.store;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Trained models kept next to the data they came from, so that a restarted server serves at once instead of
 * retraining. Entries are opaque blobs of a {@code kind} (e.g. "model-set") with a few string metadata entries
 * that say whether a blob is still usable without reading it. Blobs can be hundreds of megabytes: both
 * directions stream, and no implementation holds a whole blob in memory.
 *
 * <p>Thread-safe. Readers see only completely saved entries.
 */
public interface ModelArchive {
    /**
     * Saves a new entry in one transaction: when {@code writer} throws, or the store fails, nothing of it is
     * kept and the exception propagates; earlier entries are untouched either way.
     *
     * @param writer writes the blob to the given stream (which it must not close); runs on the calling thread
     * @return the saved entry, now the latest of its kind
     */
    ArchivedModel save(String kind, Map<String, String> metadata, Consumer<OutputStream> writer);

    /** The most recently saved entry of a kind, empty when there is none. */
    Optional<ArchivedModel> latest(String kind);

    /** Every entry of a kind, newest first. */
    List<ArchivedModel> list(String kind);

    /**
     * Streams an entry's blob to {@code reader} and returns what it returns. The stream is valid only during the
     * call and must not be closed by the reader.
     *
     * @throws dev.tailor.core.error.TailorException when the entry no longer exists
     */
    <T> T read(ArchivedModel entry, Function<InputStream, T> reader);

    /**
     * Deletes all but the newest {@code keep} entries of a kind.
     *
     * @return how many were deleted
     */
    int prune(String kind, int keep);
}
