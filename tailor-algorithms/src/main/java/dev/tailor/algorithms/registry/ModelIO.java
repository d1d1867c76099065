// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.registry;

import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.RecommenderModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Writes and reads trained models. Layout (big-endian, {@link DataOutputStream} encodings):
 * <pre>
 * magic        4 bytes "TLRM"
 * format       int     {@value #FORMAT_VERSION}: version of this header layout
 * algorithm    UTF     registry name; selects the payload reader
 * payload ver. int     the algorithm's own payload layout version
 * provenance   config entry count, (UTF key, UTF value)*, seed long, data fingerprint UTF,
 *              trained-at epoch second long + nano int, train millis long
 * payload      written by the model ({@link SavableModel#writePayload})
 * crc32        int     CRC-32 of every byte above
 * </pre>
 * The checksum turns a truncated or damaged file into a clear error instead of a model that serves garbage.
 * Reading does not buffer beyond the model, so several models can follow each other in one stream; {@link
 * #load(Path)} buffers the file itself.
 */
public final class ModelIO {
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = {'T', 'L', 'R', 'M'};
    private static final ModelIO STANDARD = new ModelIO(Algorithms.standard());

    private final Algorithms algorithms;

    public ModelIO(Algorithms algorithms) {
        this.algorithms = algorithms;
    }

    /** Reads and writes the built-in algorithms' models. */
    public static ModelIO standard() {
        return STANDARD;
    }

    /**
     * Writes the model to the stream (flushed, not closed).
     *
     * @throws TailorException when the model cannot be saved or its algorithm is not registered
     * @throws UncheckedIOException on I/O failure
     */
    public void write(RecommenderModel model, OutputStream out) {
        if (!(model instanceof SavableModel savable)) {
            throw new TailorException("model '" + model.name() + "' (" + model.getClass().getName()
                    + ") does not support saving");
        }
        if (algorithms.find(model.name()).isEmpty()) {
            throw new TailorException("cannot save a '" + model.name() + "' model: no algorithm of that name is"
                    + " registered to read it back; known: " + String.join(", ", algorithms.names()));
        }
        try {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            CRC32 crc = new CRC32();
            DataOutputStream data = new DataOutputStream(new CheckedOutputStream(buffered, crc));
            data.write(MAGIC);
            data.writeInt(FORMAT_VERSION);
            data.writeUTF(model.name());
            data.writeInt(savable.payloadVersion());
            writeProvenance(data, model.provenance());
            savable.writePayload(data);
            data.flush();
            new DataOutputStream(buffered).writeInt((int) crc.getValue());
            buffered.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write model '" + model.name() + "'", e);
        }
    }

    /**
     * Reads one model from the stream.
     *
     * @throws TailorException when the data is not a Tailor model, comes from a newer format, names an unknown
     *     algorithm, is truncated or fails its checksum
     * @throws UncheckedIOException on I/O failure
     */
    public SavableModel read(InputStream in) {
        CRC32 crc = new CRC32();
        DataInputStream data = new DataInputStream(new CheckedInputStream(in, crc));
        String algorithm = "?";
        try {
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new TailorException("not a Tailor model file (it does not start with \"TLRM\")");
            }
            int format = data.readInt();
            if (format < 1 || format > FORMAT_VERSION) {
                throw new TailorException("model file format " + format + " is not supported; this build reads"
                        + " format " + FORMAT_VERSION + (format > FORMAT_VERSION ? " (written by a newer Tailor?)"
                        : ""));
            }
            algorithm = data.readUTF();
            ModelReader reader = algorithms.find(algorithm).map(AlgorithmInfo::reader).orElseThrow(
                    unknownAlgorithm(algorithm));
            int payloadVersion = data.readInt();
            Provenance provenance = readProvenance(data, algorithm);
            SavableModel model = reader.read(data, payloadVersion, provenance);
            int expected = (int) crc.getValue();
            int stored = new DataInputStream(in).readInt();
            if (stored != expected) {
                throw new TailorException("model file is corrupt: checksum mismatch in the '" + algorithm
                        + "' model");
            }
            return model;
        } catch (EOFException e) {
            throw new TailorException("model file is truncated (while reading the '" + algorithm + "' model)", e);
        } catch (IllegalArgumentException | DateTimeException e) {
            // Structural checks of the models' constructors: only a damaged file can trip them here.
            throw new TailorException("corrupt model data in the '" + algorithm + "' model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read model", e);
        }
    }

    private Supplier<TailorException> unknownAlgorithm(String algorithm) {
        return () -> new TailorException("model file holds a '" + algorithm + "' model, which this build does"
                + " not know; known: " + String.join(", ", algorithms.names()));
    }

    /** Writes the model to a file atomically (a temporary file in the same folder, then a rename). */
    public void save(RecommenderModel model, Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    write(model, out);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not save model to " + file, e);
        }
    }

    /** Reads a model file written by {@link #save}. */
    public SavableModel load(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in);
        } catch (TailorException e) {
            throw new TailorException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read model file " + file, e);
        }
    }

    private static void writeProvenance(DataOutputStream out, Provenance p) throws IOException {
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
    }

    private static Provenance readProvenance(DataInputStream in, String algorithm) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000) {
            throw new TailorException("corrupt model data: " + n + " provenance entries");
        }
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            config.put(in.readUTF(), in.readUTF());
        }
        long seed = in.readLong();
        String fingerprint = in.readUTF();
        Instant trainedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
        long millis = in.readLong();
        return new Provenance(algorithm, config, seed, fingerprint, trainedAt, millis);
    }
}
