// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.registry;

import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.core.model.Provenance;
import java.io.DataInput;
import java.io.IOException;

/** Reads one algorithm's model payload, as written by {@link SavableModel#writePayload}. */
@FunctionalInterface
public interface ModelReader {
    SavableModel read(DataInput in, int payloadVersion, Provenance provenance) throws IOException;
}
