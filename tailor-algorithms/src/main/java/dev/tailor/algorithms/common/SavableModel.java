// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.common;

import dev.tailor.core.model.RecommenderModel;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A model that can write itself to a model file. The file's header (magic, format version, algorithm name,
 * provenance) and its checksum are written by {@code dev.tailor.algorithms.registry.ModelIO}; the model writes
 * only its own payload, and its algorithm's registry entry knows how to read it back.
 */
public interface SavableModel extends RecommenderModel {
    /**
     * Version of the payload layout {@link #writePayload} produces. Bump it whenever the layout changes and
     * keep the reader able to read older versions, or fail with a clear message.
     */
    int payloadVersion();

    void writePayload(DataOutput out) throws IOException;
}
