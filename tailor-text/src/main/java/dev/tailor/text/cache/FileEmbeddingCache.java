// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.cache;

import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@link EmbeddingCache} kept in one local file: read whole at open, written whole (atomically, through a
 * temporary file) by {@link #flush}. For tools and benchmarks that re-encode the same catalog run after run
 * without a database; a shop uses the store-backed cache. Unbounded. Thread-safe.
 */
public final class FileEmbeddingCache implements EmbeddingCache {
    private static final String MAGIC = "tailor-embedding-cache";
    private static final int VERSION = 1;

    private final Path file;
    private final Map<EmbeddingKey, float[]> entries = new LinkedHashMap<>();
    private boolean dirty;

    private FileEmbeddingCache(Path file) {
        this.file = file;
    }

    /** Opens the cache in {@code file}, empty when the file does not exist yet. */
    public static FileEmbeddingCache open(Path file) {
        FileEmbeddingCache c = new FileEmbeddingCache(file);
        if (Files.exists(file)) {
            c.read();
        }
        return c;
    }

    private void read() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            String magic;
            try {
                magic = in.readUTF();
            } catch (IOException e) {
                magic = "";
            }
            if (!MAGIC.equals(magic) || in.readInt() != VERSION) {
                throw ValidationException.of("cache", file + " is not an embedding cache file (version " + VERSION
                        + "); delete it to start a new one");
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                EmbeddingKey key = new EmbeddingKey(in.readUTF(), in.readUTF());
                float[] v = new float[in.readInt()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = in.readFloat();
                }
                entries.put(key, v);
            }
        } catch (EOFException e) {
            throw ValidationException.of("cache", file + " is truncated; delete it to start a new one");
        } catch (IOException e) {
            throw new TailorException("cannot read embedding cache " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    @Override
    public synchronized Map<EmbeddingKey, float[]> getAll(Collection<EmbeddingKey> keys) {
        Map<EmbeddingKey, float[]> found = new HashMap<>();
        for (EmbeddingKey k : keys) {
            float[] v = entries.get(k);
            if (v != null) {
                found.put(k, v.clone());
            }
        }
        return found;
    }

    @Override
    public synchronized void putAll(Map<EmbeddingKey, float[]> vectors) {
        for (Map.Entry<EmbeddingKey, float[]> e : vectors.entrySet()) {
            entries.put(e.getKey(), e.getValue().clone());
        }
        dirty |= !vectors.isEmpty();
    }

    /** Writes the file when anything was added since it was read or last written. */
    public synchronized void flush() {
        if (!dirty) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp),
                    1 << 16))) {
                out.writeUTF(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(entries.size());
                for (Map.Entry<EmbeddingKey, float[]> e : entries.entrySet()) {
                    out.writeUTF(e.getKey().modelId());
                    out.writeUTF(e.getKey().textSha256());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            dirty = false;
        } catch (IOException e) {
            throw new TailorException("cannot write embedding cache " + file + ": " + e.getMessage(), e);
        }
    }
}
