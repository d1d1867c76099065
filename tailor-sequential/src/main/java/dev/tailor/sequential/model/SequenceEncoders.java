// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.model;

import dev.tailor.core.error.TailorException;
import dev.tailor.sequential.sasrec.SasRecEncoder;
import java.io.DataInput;
import java.io.IOException;

/** Rebuilds an encoder from a model file by its kind. */
public final class SequenceEncoders {
    private SequenceEncoders() {
    }

    public static SequenceEncoder read(String kind, int items, DataInput in) throws IOException {
        return switch (kind) {
            case SasRecEncoder.KIND -> SasRecEncoder.read(items, in);
            default -> throw new TailorException("unknown sequence encoder '" + kind + "' in model file; expected "
                    + SasRecEncoder.KIND);
        };
    }
}
