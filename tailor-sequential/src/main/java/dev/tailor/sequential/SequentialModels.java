// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential;

import dev.tailor.core.data.EventWeights;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.sequential.gru.GruEncoder;
import dev.tailor.sequential.model.EpochStats;
import dev.tailor.sequential.model.SequenceEncoder;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.sasrec.SasRecEncoder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Model files of sequential models: magic, format version, encoder kind and architecture, input rules,
 * provenance, learning curve, popularity fallback, parameters, then a CRC-32 of everything before it. Big-endian
 * ({@link DataOutputStream}); a truncated or corrupted file fails with a message naming the file.
 */
public final class SequentialModels {
    private static final int MAGIC = 0x544C5351; // "TLSQ"
    private static final int VERSION = 1;

    private SequentialModels() {
    }

    /** Version of the layout {@link #writePayload} produces (and of the model file around it). */
    public static final int PAYLOAD_VERSION = VERSION;

    public static void save(SequentialModel model, Path file) {
        CRC32 crc = new CRC32();
        try (DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), crc))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writePayload(model, out);
            out.flush();
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model file " + file, e);
        }
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws TailorException when the file is not a sequential model file, is of an unknown version or kind,
     *     is truncated, or fails its checksum
     */
    public static SequentialModel load(Path file) {
        CRC32 crc = new CRC32();
        try (DataInputStream in = new DataInputStream(new CheckedInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16), crc))) {
            if (in.readInt() != MAGIC) {
                throw new TailorException(file + ": not a Tailor sequential model file (bad magic number)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new TailorException(file + ": model file format version " + version + ", this build reads "
                        + VERSION);
            }
            SequentialModel model = readPayload(in, file.toString());
            long expected = crc.getValue();
            if (in.readLong() != expected) {
                throw new TailorException(file + ": checksum mismatch, the model file is corrupted");
            }
            return model;
        } catch (EOFException e) {
            throw new TailorException(file + ": model file is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + file, e);
        }
    }

    /**
     * Writes the model without file framing (magic, version, checksum): the body of {@link #save}'s files, and
     * the payload a registry model file ({@code ModelIO}) wraps in its own header and checksum.
     */
    public static void writePayload(SequentialModel model, DataOutput out) throws IOException {
        SequenceEncoder enc = model.encoder();
        out.writeUTF(enc.kind());
        out.writeInt(enc.itemCount());
        enc.writeArchitecture(out);
        out.writeBoolean(model.collapseRepeats());
        float[] w = model.events().byType();
        out.writeInt(w.length);
        for (float x : w) {
            out.writeFloat(x);
        }
        out.writeBoolean(model.events().ratingValue());
        Provenance p = model.provenance();
        out.writeUTF(p.algorithm());
        out.writeInt(p.config().size());
        for (Map.Entry<String, String> e : p.config().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        out.writeLong(p.seed());
        out.writeUTF(p.dataFingerprint());
        out.writeLong(p.trainedAt().toEpochMilli());
        out.writeLong(p.trainMillis());
        out.writeInt(model.trainingLog().size());
        for (EpochStats e : model.trainingLog()) {
            out.writeInt(e.epoch());
            out.writeDouble(e.trainLoss());
            out.writeDouble(e.validNdcg10());
            out.writeDouble(e.validHit10());
            out.writeDouble(e.wallSeconds());
            out.writeDouble(e.cpuSeconds());
        }
        writeFloats(out, model.popularity());
        writeFloats(out, model.parameters());
    }

    /**
     * Reads what {@link #writePayload} wrote.
     *
     * @param source names the file or stream in error messages
     * @throws TailorException for an unknown encoder kind or arrays that do not fit the architecture
     */
    public static SequentialModel readPayload(DataInput in, String source) throws IOException {
        String kind = in.readUTF();
        int items = in.readInt();
        if (items < 0) {
            throw new TailorException(source + ": corrupt sequential model (" + items + " items)");
        }
        SequenceEncoder enc = switch (kind) {
            case SasRecEncoder.KIND -> SasRecEncoder.read(items, in);
            case GruEncoder.KIND -> GruEncoder.read(items, in);
            default -> throw new TailorException(source + ": unknown sequence encoder '" + kind + "'; expected "
                    + SasRecEncoder.KIND + " or " + GruEncoder.KIND);
        };
        boolean collapse = in.readBoolean();
        float[] w = new float[in.readInt()];
        for (int i = 0; i < w.length; i++) {
            w[i] = in.readFloat();
        }
        EventWeights events = new EventWeights(w, in.readBoolean());
        String algorithm = in.readUTF();
        int nConfig = in.readInt();
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < nConfig; i++) {
            config.put(in.readUTF(), in.readUTF());
        }
        Provenance prov = new Provenance(algorithm, config, in.readLong(), in.readUTF(),
                Instant.ofEpochMilli(in.readLong()), in.readLong());
        int nLog = in.readInt();
        List<EpochStats> log = new ArrayList<>(nLog);
        for (int i = 0; i < nLog; i++) {
            log.add(new EpochStats(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble()));
        }
        float[] popularity = readFloats(in, items, source);
        float[] theta = readFloats(in, enc.parameterCount(), source);
        return new SequentialModel(enc, theta, popularity, collapse, events, prov, log);
    }

    private static void writeFloats(DataOutput out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float x : a) {
            out.writeFloat(x);
        }
    }

    private static float[] readFloats(DataInput in, int expected, String source) throws IOException {
        int n = in.readInt();
        if (n != expected) {
            throw new TailorException(source + ": corrupt sequential model: expected " + expected
                    + " floats, found " + n);
        }
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }
}
