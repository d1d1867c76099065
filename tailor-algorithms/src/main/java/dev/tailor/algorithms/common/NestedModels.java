// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.common;

import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.RecommenderModel;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Models inside a model's payload (a hybrid's components): name, payload version, provenance, payload, in the
 * encodings of the model file header, so that each component reads back with its own algorithm's reader.
 * The enclosing file's checksum covers them.
 */
public final class NestedModels {
    private NestedModels() {
    }

    /** Reads one algorithm's payload (the registry's reader for that algorithm). */
    @FunctionalInterface
    public interface PayloadReader {
        SavableModel read(DataInput in, int payloadVersion, Provenance provenance) throws IOException;
    }

    /** @throws TailorException when the component cannot be saved */
    public static void write(DataOutput out, RecommenderModel model) throws IOException {
        if (!(model instanceof SavableModel savable)) {
            throw new TailorException("component model '" + model.name() + "' does not support saving");
        }
        out.writeUTF(model.name());
        out.writeInt(savable.payloadVersion());
        Provenance p = model.provenance();
        out.writeInt(p.config().size());
        for (Map.Entry<String, String> e : p.config().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        out.writeLong(p.seed());
        out.writeUTF(p.dataFingerprint());
        out.writeLong(p.trainedAt().getEpochSecond());
        out.writeInt(p.trainedAt().getNano());
        out.writeLong(p.trainMillis());
        savable.writePayload(out);
    }

    /**
     * @param readers the payload reader of an algorithm name, empty when unknown
     * @throws TailorException for an unknown algorithm or corrupt data
     */
    public static SavableModel read(DataInput in, Function<String, Optional<PayloadReader>> readers)
            throws IOException {
        String algorithm = in.readUTF();
        PayloadReader reader = readers.apply(algorithm).orElseThrow(() -> new TailorException(
                "model file holds a component of unknown algorithm '" + algorithm + "'"));
        int version = in.readInt();
        int n = in.readInt();
        if (n < 0 || n > 10_000) {
            throw new TailorException("corrupt model data: " + n + " provenance entries of a component");
        }
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            config.put(in.readUTF(), in.readUTF());
        }
        long seed = in.readLong();
        String fingerprint = in.readUTF();
        Instant trainedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
        long millis = in.readLong();
        return reader.read(in, version, new Provenance(algorithm, config, seed, fingerprint, trainedAt, millis));
    }
}
