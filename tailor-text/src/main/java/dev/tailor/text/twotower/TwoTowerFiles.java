// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.twotower;

import dev.tailor.core.data.IdDictionary;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.Provenance;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a {@link TwoTowerModel} with its item ids in one binary file (big-endian, versioned): frozen
 * item vectors, adapter parameters, scoring settings, provenance and learning curve. Adapted vectors are
 * recomputed on load. Writes go to a temporary file first, so a crash never leaves half a model.
 */
public final class TwoTowerFiles {
    private static final String MAGIC = "tailor-two-tower";
    private static final int VERSION = 1;

    private TwoTowerFiles() {
    }

    /** A loaded model and the item ids its dense indices stand for. */
    public record Loaded(TwoTowerModel model, List<String> itemIds) {
        public Loaded {
            itemIds = List.copyOf(itemIds);
        }

        /** The model, after checking that its items are exactly {@code items}, in the same order. */
        public TwoTowerModel requireItems(IdDictionary items) {
            if (items.size() != itemIds.size()) {
                throw ValidationException.of("items", "the model was trained on " + itemIds.size()
                        + " items, the catalog has " + items.size() + "; retrain or re-embed");
            }
            for (int i = 0; i < itemIds.size(); i++) {
                if (!itemIds.get(i).equals(items.id(i))) {
                    throw ValidationException.of("items", "item " + i + " is '" + itemIds.get(i)
                            + "' in the model but '" + items.id(i) + "' in the catalog; retrain or re-embed");
                }
            }
            return model;
        }
    }

    public static void save(TwoTowerModel model, IdDictionary items, Path file) {
        if (items.size() != model.itemCount()) {
            throw ValidationException.of("items", model.itemCount() + " items in the model, " + items.size()
                    + " ids given");
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp),
                    1 << 16))) {
                out.writeUTF(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(model.name());
                ItemVectors v = model.itemVectors();
                out.writeUTF(v.modelId());
                out.writeInt(v.count());
                out.writeInt(v.dim());
                writeFloats(out, v.raw());
                Adapter a = model.adapter();
                out.writeInt(a.hidden());
                out.writeUTF(a.activation().name());
                writeFloats(out, a.raw());
                out.writeInt(model.historyLength());
                out.writeFloat(model.recencyDecay());
                Provenance p = model.provenance();
                out.writeUTF(p.algorithm());
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
                TwoTowerModel.LearningCurve c = model.learningCurve();
                out.writeInt(c.epochs().size());
                for (TwoTowerModel.Epoch e : c.epochs()) {
                    out.writeInt(e.epoch());
                    out.writeDouble(e.trainLoss());
                    out.writeDouble(e.validLoss());
                    out.writeDouble(e.validRecall20());
                    out.writeDouble(e.validNdcg20());
                    out.writeLong(e.millis());
                }
                out.writeInt(c.best());
                for (int i = 0; i < items.size(); i++) {
                    out.writeUTF(items.id(i));
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TailorException("cannot write two-tower model " + file + ": " + e.getMessage(), e);
        }
    }

    public static Loaded load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw ValidationException.of("model", "no two-tower model file at " + file);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            String magic;
            try {
                magic = in.readUTF();
            } catch (IOException e) {
                magic = "";
            }
            if (!MAGIC.equals(magic)) {
                throw ValidationException.of("model", file + " is not a two-tower model file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw ValidationException.of("model", file + " has format version " + version + "; this build reads "
                        + VERSION);
            }
            String name = in.readUTF();
            String modelId = in.readUTF();
            int count = in.readInt();
            int dim = in.readInt();
            ItemVectors v = new ItemVectors(modelId, count, dim, readFloats(in, (long) count * dim));
            int hidden = in.readInt();
            Adapter.Activation act = Adapter.Activation.valueOf(in.readUTF());
            Adapter a = new Adapter(dim, hidden, act, readFloats(in, Adapter.parameterCount(dim, hidden)));
            int historyLength = in.readInt();
            float decay = in.readFloat();
            String algorithm = in.readUTF();
            int nc = in.readInt();
            Map<String, String> cfg = new LinkedHashMap<>();
            for (int i = 0; i < nc; i++) {
                cfg.put(in.readUTF(), in.readUTF());
            }
            Provenance p = new Provenance(algorithm, cfg, in.readLong(), in.readUTF(),
                    Instant.ofEpochSecond(in.readLong(), in.readInt()), in.readLong());
            int ne = in.readInt();
            List<TwoTowerModel.Epoch> epochs = new ArrayList<>(ne);
            for (int i = 0; i < ne; i++) {
                epochs.add(new TwoTowerModel.Epoch(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readLong()));
            }
            TwoTowerModel.LearningCurve curve = new TwoTowerModel.LearningCurve(epochs, in.readInt());
            List<String> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ids.add(in.readUTF());
            }
            return new Loaded(new TwoTowerModel(name, v, a, historyLength, decay, curve, p), ids);
        } catch (EOFException e) {
            throw ValidationException.of("model", file + " is truncated");
        } catch (IOException e) {
            throw new TailorException("cannot read two-tower model " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("model", file + " is corrupt: " + e.getMessage());
        }
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float f : a) {
            out.writeFloat(f);
        }
    }

    private static float[] readFloats(DataInputStream in, long expected) throws IOException {
        int n = in.readInt();
        if (n != expected) {
            throw new IllegalArgumentException("expected " + expected + " floats, found " + n);
        }
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }
}
