// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.model;

import dev.tailor.algorithms.registry.ModelIO;
import dev.tailor.core.data.IdDictionary;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.RecommenderModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Writes and reads a whole {@link ModelSet}, so a restarted server can serve at once. Layout (big-endian):
 * <pre>
 * magic          4 bytes "TLMS"
 * format         int {@value #FORMAT}
 * info           version, trained-at (epoch second, nano), train millis, data name, data fingerprint, users,
 *                items, events, watermark, provenance list
 * catalog size   int
 * similar, bought-together   neighbour tables: pointers, items, similarities
 * popular, trending          ranked lists: items, scores
 * popularity     float array
 * segments       dictionary; then per segment its popular, trending and promotion lists and promotion lifts
 * histories      user dictionary, history pointers/items/types, purchase pointers/items, segment pointers/indices
 * categories     per category its popular items
 * extra models   count; per model its label, index maps and the model as {@link ModelIO} writes it
 * crc32          int, of every byte above
 * </pre>
 * Arrays are a length and the values; strings a length and UTF-8 bytes. The checksum turns a damaged blob into
 * a clear error; length checks against the bytes the caller says the blob holds keep a damaged length from
 * allocating gigabytes before the checksum is reached. Thread-safe.
 */
public final class ModelSetCodec {
    /** The layout version; a change to the layout or to what a part means must increase it. */
    public static final int FORMAT = 1;
    private static final byte[] MAGIC = {'T', 'L', 'M', 'S'};
    private static final int BUFFER = 1 << 16;

    private final ModelIO modelIO;

    /** @param modelIO reads and writes the extra models (it must know their algorithms) */
    public ModelSetCodec(ModelIO modelIO) {
        this.modelIO = modelIO;
    }

    /**
     * Writes the set to the stream (flushed, not closed).
     *
     * @throws TailorException when an extra model cannot be saved
     * @throws UncheckedIOException on I/O failure
     */
    public void write(ModelSet set, OutputStream out) {
        try {
            BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
            CRC32 crc = new CRC32();
            Out o = new Out(new DataOutputStream(new CheckedOutputStream(buffered, crc)));
            o.data.write(MAGIC);
            o.data.writeInt(FORMAT);
            writeInfo(o, set.info());
            o.data.writeInt(set.catalogSize());
            writeTable(o, set.similar());
            writeTable(o, set.boughtTogether());
            writeList(o, set.popular());
            writeList(o, set.trending());
            o.floats(set.popularityArray());
            writeDictionary(o, set.segments());
            for (int s = 0; s < set.segments().size(); s++) {
                writeList(o, set.segmentPopularLists()[s]);
                writeList(o, set.segmentTrendingLists()[s]);
                writeList(o, set.segmentPromotionLists()[s]);
                o.floats(set.segmentLifts()[s]);
            }
            UserHistories h = set.histories();
            writeDictionary(o, h.userDictionary());
            o.ints(h.historyPointers());
            o.ints(h.historyItems());
            o.bytes(h.historyTypes());
            o.ints(h.purchasePointers());
            o.ints(h.purchaseItems());
            o.ints(h.segmentPointers());
            o.ints(h.segmentArray());
            int[][] categories = set.categoryPopularLists();
            o.data.writeInt(categories.length);
            for (int[] c : categories) {
                o.ints(c);
            }
            o.data.writeInt(set.extraModels().size());
            for (ServingModel m : set.extraModels()) {
                o.string(m.label());
                o.ints(m.toCatalog());
                o.ints(m.fromCatalog());
                o.data.flush();
                modelIO.write(m.model(), o.data);
            }
            o.data.flush();
            new DataOutputStream(buffered).writeInt((int) crc.getValue());
            buffered.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write model set " + set.info().label(), e);
        }
    }

    /**
     * Reads a set written by {@link #write}.
     *
     * @param size how many bytes the blob holds (an upper bound will do)
     * @throws TailorException when the data is not a model set, has another format, is truncated, fails its
     *     checksum or is inconsistent
     * @throws UncheckedIOException on I/O failure
     */
    public ModelSet read(InputStream in, long size) {
        CRC32 crc = new CRC32();
        Counting counting = new Counting(new BufferedInputStream(in, BUFFER));
        In i = new In(new DataInputStream(new CheckedInputStream(counting, crc)), counting, size);
        try {
            byte[] magic = new byte[MAGIC.length];
            i.data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new TailorException("not a Tailor model set (it does not start with \"TLMS\")");
            }
            int format = i.data.readInt();
            if (format != FORMAT) {
                throw new TailorException("model set format " + format + " is not supported; this build reads"
                        + " format " + FORMAT);
            }
            ModelSet.Info info = readInfo(i);
            int catalogSize = i.count("catalog size");
            NeighbourTable similar = readTable(i, catalogSize, "similar");
            NeighbourTable together = readTable(i, catalogSize, "bought-together");
            RankedList popular = readList(i, catalogSize, "popular");
            RankedList trending = readList(i, catalogSize, "trending");
            float[] popularity = i.floats("popularity");
            check(popularity.length == catalogSize, "popularity has " + popularity.length + " entries");
            IdDictionary segments = readDictionary(i, "segments");
            int nSeg = segments.size();
            RankedList[] segPopular = new RankedList[nSeg];
            RankedList[] segTrending = new RankedList[nSeg];
            RankedList[] segPromotions = new RankedList[nSeg];
            float[][] segLift = new float[nSeg][];
            for (int s = 0; s < nSeg; s++) {
                segPopular[s] = readList(i, catalogSize, "segment popular");
                segTrending[s] = readList(i, catalogSize, "segment trending");
                segPromotions[s] = readList(i, catalogSize, "segment promotions");
                segLift[s] = i.floats("segment lift");
                check(segLift[s].length == segPromotions[s].size(), "segment lifts misaligned");
            }
            UserHistories histories = readHistories(i, catalogSize, nSeg);
            int nCat = i.count("categories");
            int[][] categories = new int[nCat][];
            for (int c = 0; c < nCat; c++) {
                categories[c] = i.ints("category list");
                checkItems(categories[c], catalogSize, "category list");
            }
            int nExtra = i.count("extra models");
            List<ServingModel> extras = new ArrayList<>(nExtra);
            for (int m = 0; m < nExtra; m++) {
                String label = i.string("model label");
                int[] toCatalog = i.ints("model index map");
                int[] fromCatalog = i.ints("model index map");
                check(fromCatalog.length == catalogSize, "model index map has " + fromCatalog.length + " entries");
                checkMap(toCatalog, catalogSize, "model index map");
                checkMap(fromCatalog, toCatalog.length, "model index map");
                RecommenderModel model = modelIO.read(i.data);
                check(model.itemCount() == toCatalog.length, "model '" + label + "' scores " + model.itemCount()
                        + " items, its index map has " + toCatalog.length);
                extras.add(new ServingModel(label, model, toCatalog, fromCatalog));
            }
            int expected = (int) crc.getValue();
            int stored = new DataInputStream(counting).readInt();
            if (stored != expected) {
                throw new TailorException("model set is corrupt: checksum mismatch");
            }
            return new ModelSet(info, catalogSize, similar, together, popular, trending, popularity, segments,
                    segPopular, segTrending, segPromotions, segLift, histories, extras, categories);
        } catch (EOFException e) {
            throw new TailorException("model set is truncated", e);
        } catch (IllegalArgumentException | DateTimeException | IndexOutOfBoundsException e) {
            throw new TailorException("model set is corrupt: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read model set", e);
        }
    }

    private static void writeInfo(Out o, ModelSet.Info info) throws IOException {
        o.data.writeLong(info.version());
        o.instant(info.trainedAt());
        o.data.writeLong(info.trainMillis());
        o.string(info.dataName());
        o.string(info.dataFingerprint());
        o.data.writeInt(info.users());
        o.data.writeInt(info.items());
        o.data.writeLong(info.events());
        o.data.writeLong(info.watermark());
        o.data.writeInt(info.provenance().size());
        for (Provenance p : info.provenance()) {
            o.string(p.algorithm());
            Map<String, String> config = new TreeMap<>(p.config());
            o.data.writeInt(config.size());
            for (Map.Entry<String, String> e : config.entrySet()) {
                o.string(e.getKey());
                o.string(e.getValue());
            }
            o.data.writeLong(p.seed());
            o.string(p.dataFingerprint());
            o.instant(p.trainedAt());
            o.data.writeLong(p.trainMillis());
        }
    }

    private static ModelSet.Info readInfo(In i) throws IOException {
        long version = i.data.readLong();
        Instant trainedAt = i.instant();
        long trainMillis = i.data.readLong();
        String dataName = i.string("data name");
        String fingerprint = i.string("data fingerprint");
        int users = i.count("users");
        int items = i.count("items");
        long events = i.data.readLong();
        long watermark = i.data.readLong();
        int n = i.count("provenance");
        List<Provenance> provenance = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            String algorithm = i.string("algorithm");
            int entries = i.count("provenance entries");
            Map<String, String> config = new LinkedHashMap<>();
            for (int e = 0; e < entries; e++) {
                config.put(i.string("provenance key"), i.string("provenance value"));
            }
            provenance.add(new Provenance(algorithm, config, i.data.readLong(), i.string("data fingerprint"),
                    i.instant(), i.data.readLong()));
        }
        return new ModelSet.Info(version, trainedAt, trainMillis, dataName, fingerprint, users, items, events,
                watermark, provenance);
    }

    private static void writeTable(Out o, NeighbourTable t) throws IOException {
        o.ints(t.pointerArray());
        o.ints(t.itemArray());
        o.floats(t.similarityArray());
    }

    private static NeighbourTable readTable(In i, int catalogSize, String what) throws IOException {
        int[] ptr = i.ints(what);
        int[] idx = i.ints(what);
        float[] sim = i.floats(what);
        checkPointers(ptr, idx.length, what);
        check(sim.length == idx.length, what + ": similarities misaligned");
        checkItems(idx, catalogSize, what);
        return new NeighbourTable(ptr, idx, sim);
    }

    private static void writeList(Out o, RankedList list) throws IOException {
        o.ints(list.itemArray());
        o.floats(list.scoreArray());
    }

    private static RankedList readList(In i, int catalogSize, String what) throws IOException {
        int[] items = i.ints(what);
        float[] scores = i.floats(what);
        checkItems(items, catalogSize, what);
        return new RankedList(items, scores);
    }

    private static void writeDictionary(Out o, IdDictionary d) throws IOException {
        o.data.writeInt(d.size());
        for (int k = 0; k < d.size(); k++) {
            o.string(d.id(k));
        }
    }

    private static IdDictionary readDictionary(In i, String what) throws IOException {
        int n = i.count(what);
        List<String> ids = new ArrayList<>(Math.min(n, 1 << 16));
        for (int k = 0; k < n; k++) {
            ids.add(i.string(what));
        }
        IdDictionary d = IdDictionary.of(ids);
        check(d.size() == n, what + ": repeated ids");
        return d;
    }

    private static UserHistories readHistories(In i, int catalogSize, int segments) throws IOException {
        IdDictionary users = readDictionary(i, "users");
        int[] ptr = i.ints("histories");
        int[] items = i.ints("histories");
        byte[] types = i.bytes("histories");
        int[] purchasedPtr = i.ints("purchases");
        int[] purchased = i.ints("purchases");
        int[] segmentPtr = i.ints("customer segments");
        int[] segs = i.ints("customer segments");
        int n = users.size();
        check(ptr.length == n + 1 && purchasedPtr.length == n + 1 && segmentPtr.length == n + 1,
                "history pointers do not match " + n + " users");
        checkPointers(ptr, items.length, "histories");
        check(types.length == items.length, "history types misaligned");
        checkPointers(purchasedPtr, purchased.length, "purchases");
        checkPointers(segmentPtr, segs.length, "customer segments");
        checkItems(items, catalogSize, "histories");
        checkItems(purchased, catalogSize, "purchases");
        checkItems(segs, segments, "customer segments");
        return new UserHistories(users, ptr, items, types, purchasedPtr, purchased, segmentPtr, segs);
    }

    private static void checkPointers(int[] ptr, int size, String what) {
        check(ptr.length >= 1 && ptr[0] == 0 && ptr[ptr.length - 1] == size, what + ": bad row pointers");
        for (int r = 1; r < ptr.length; r++) {
            check(ptr[r] >= ptr[r - 1], what + ": row pointers decrease");
        }
    }

    private static void checkItems(int[] items, int bound, String what) {
        for (int v : items) {
            check(v >= 0 && v < bound, what + ": index " + v + " outside [0, " + bound + ")");
        }
    }

    /** Index maps mark "no counterpart" with -1. */
    private static void checkMap(int[] map, int bound, String what) {
        for (int v : map) {
            check(v >= -1 && v < bound, what + ": index " + v + " outside [-1, " + bound + ")");
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new TailorException("model set is corrupt: " + what);
        }
    }

    /** Array writes through a reused buffer: DataOutputStream would make a call per element. */
    private static final class Out {
        final DataOutputStream data;
        final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

        Out(DataOutputStream data) {
            this.data = data;
        }

        void ints(int[] a) throws IOException {
            data.writeInt(a.length);
            for (int at = 0; at < a.length; ) {
                int n = Math.min(a.length - at, BUFFER / Integer.BYTES);
                buffer.clear();
                buffer.asIntBuffer().put(a, at, n);
                data.write(buffer.array(), 0, n * Integer.BYTES);
                at += n;
            }
        }

        void floats(float[] a) throws IOException {
            data.writeInt(a.length);
            for (int at = 0; at < a.length; ) {
                int n = Math.min(a.length - at, BUFFER / Float.BYTES);
                buffer.clear();
                buffer.asFloatBuffer().put(a, at, n);
                data.write(buffer.array(), 0, n * Float.BYTES);
                at += n;
            }
        }

        void bytes(byte[] a) throws IOException {
            data.writeInt(a.length);
            data.write(a);
        }

        void string(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            data.writeInt(b.length);
            data.write(b);
        }

        void instant(Instant t) throws IOException {
            data.writeLong(t.getEpochSecond());
            data.writeInt(t.getNano());
        }
    }

    private static final class In {
        final DataInputStream data;
        final Counting counting;
        final long size;
        final byte[] buffer = new byte[BUFFER];

        In(DataInputStream data, Counting counting, long size) {
            this.data = data;
            this.counting = counting;
            this.size = size;
        }

        /** A length or count: non-negative, and for {@code width}-byte elements no more than the blob holds. */
        int length(String what, int width) throws IOException {
            int n = data.readInt();
            long left = size - counting.count;
            if (n < 0 || (long) n * width > left) {
                throw new TailorException("model set is corrupt: " + what + " claims " + n + " entries, "
                        + Math.max(0, left) + " bytes are left");
            }
            return n;
        }

        int count(String what) throws IOException {
            return length(what, 1);
        }

        int[] ints(String what) throws IOException {
            int[] a = new int[length(what, Integer.BYTES)];
            ByteBuffer view = ByteBuffer.wrap(buffer);
            for (int at = 0; at < a.length; ) {
                int n = Math.min(a.length - at, BUFFER / Integer.BYTES);
                data.readFully(buffer, 0, n * Integer.BYTES);
                view.clear();
                view.asIntBuffer().get(a, at, n);
                at += n;
            }
            return a;
        }

        float[] floats(String what) throws IOException {
            float[] a = new float[length(what, Float.BYTES)];
            ByteBuffer view = ByteBuffer.wrap(buffer);
            for (int at = 0; at < a.length; ) {
                int n = Math.min(a.length - at, BUFFER / Float.BYTES);
                data.readFully(buffer, 0, n * Float.BYTES);
                view.clear();
                view.asFloatBuffer().get(a, at, n);
                at += n;
            }
            return a;
        }

        byte[] bytes(String what) throws IOException {
            byte[] a = new byte[length(what, 1)];
            data.readFully(a);
            return a;
        }

        String string(String what) throws IOException {
            byte[] b = new byte[length(what, 1)];
            data.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        Instant instant() throws IOException {
            return Instant.ofEpochSecond(data.readLong(), data.readInt());
        }
    }

    /** Counts the bytes read, for the length checks. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
