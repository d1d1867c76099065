// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.ArchivedModel;
import dev.tailor.core.store.ModelArchive;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * {@link ModelArchive} in the {@code model_archive} tables (schema V4): a header row per entry and the blob in
 * chunks of {@value #CHUNK_BYTES} bytes, so that memory holds one chunk at a time in either direction, whatever
 * the blob's size. Saving is one transaction; readers never see a half-written entry.
 */
final class JdbcModelArchive implements ModelArchive {
    static final int CHUNK_BYTES = 4 << 20;

    private static final String COLUMNS = "id, kind, saved_at_ms, bytes, metadata";
    private static final String INSERT = "INSERT INTO model_archive (kind, saved_at_ms, bytes, metadata) "
            + "VALUES (?, ?, 0, ?)";
    private static final String FINISH = "UPDATE model_archive SET bytes = ?, saved_at_ms = ? WHERE id = ?";
    private static final String INSERT_CHUNK = "INSERT INTO model_archive_chunks (model_id, seq, data) "
            + "VALUES (?, ?, ?)";
    private static final String BY_KIND = "SELECT " + COLUMNS + " FROM model_archive WHERE kind = ? ORDER BY id DESC";
    private static final String LATEST = BY_KIND + " FETCH FIRST 1 ROWS ONLY";
    private static final String EXISTS = "SELECT 1 FROM model_archive WHERE id = ?";
    private static final String CHUNKS = "SELECT data FROM model_archive_chunks WHERE model_id = ? ORDER BY seq";
    private static final String DELETE = "DELETE FROM model_archive WHERE id = ?";

    private final DataSource pool;
    private final String description;

    JdbcModelArchive(DataSource pool, String description) {
        this.pool = pool;
        this.description = description;
    }

    @Override
    public ArchivedModel save(String kind, Map<String, String> metadata, Consumer<OutputStream> writer) {
        ArchivedModel.checkKind(kind);
        String meta = Json.map(metadata);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            boolean committed = false;
            try {
                long id = insertHeader(c, kind, meta);
                long bytes;
                try (ChunkWriter out = new ChunkWriter(c, id, CHUNK_BYTES)) {
                    try {
                        writer.accept(out);
                        out.flushChunk();
                    } catch (RuntimeException e) {
                        // The writer saw a store failure as an I/O error: report the store's own error instead.
                        if (out.failure().isPresent()) {
                            throw failure("save a " + kind + " model", out.failure().get());
                        }
                        throw e;
                    }
                    bytes = out.total();
                }
                long savedAt = System.currentTimeMillis();
                try (PreparedStatement ps = c.prepareStatement(FINISH)) {
                    ps.setLong(1, bytes);
                    ps.setLong(2, savedAt);
                    ps.setLong(3, id);
                    ps.executeUpdate();
                }
                c.commit();
                committed = true;
                return new ArchivedModel(id, kind, Instant.ofEpochMilli(savedAt), bytes, metadata);
            } finally {
                if (!committed) {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw failure("save a " + kind + " model", e);
        }
    }

    private static long insertHeader(Connection c, String kind, String meta) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"id"})) {
            ps.setString(1, kind);
            ps.setLong(2, System.currentTimeMillis());
            ps.setString(3, meta);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated for the new archive entry");
                }
                return keys.getLong(1);
            }
        }
    }

    @Override
    public Optional<ArchivedModel> latest(String kind) {
        List<ArchivedModel> found = query(LATEST, kind);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<ArchivedModel> list(String kind) {
        return query(BY_KIND, kind);
    }

    private List<ArchivedModel> query(String sql, String kind) {
        ArchivedModel.checkKind(kind);
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kind);
            List<ArchivedModel> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ArchivedModel(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getLong(4), Json.readMap(rs.getString(5), "model_archive.metadata")));
                }
            }
            return List.copyOf(out);
        } catch (SQLException e) {
            throw failure("list the " + kind + " models", e);
        }
    }

    @Override
    public <T> T read(ArchivedModel entry, Function<InputStream, T> reader) {
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(EXISTS)) {
                    ps.setLong(1, entry.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new TailorException(entry.kind() + " model " + entry.id() + " is no longer in "
                                    + description + " (pruned?)");
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(CHUNKS, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
                    // One chunk per round trip: PostgreSQL otherwise buffers the default (all) rows.
                    ps.setFetchSize(1);
                    ps.setLong(1, entry.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        return reader.apply(new ChunkReader(rs, entry));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failure("read " + entry.kind() + " model " + entry.id(), e);
        }
    }

    @Override
    public int prune(String kind, int keep) {
        if (keep < 0) {
            throw ValidationException.of("keep", "must be >= 0, was " + keep);
        }
        List<ArchivedModel> all = list(kind);
        if (all.size() <= keep) {
            return 0;
        }
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(DELETE)) {
            c.setAutoCommit(false);
            try {
                for (ArchivedModel old : all.subList(keep, all.size())) {
                    ps.setLong(1, old.id());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return all.size() - keep;
        } catch (SQLException e) {
            throw failure("prune the " + kind + " models", e);
        }
    }

    private TailorException failure(String what, SQLException e) {
        return new TailorException("cannot " + what + " in " + description + ": " + SqlErrors.message(e), e);
    }

    /** Buffers one chunk and inserts it as a row when full. */
    private static final class ChunkWriter extends OutputStream {
        private final PreparedStatement insert;
        private final long id;
        private final byte[] buffer;
        private int filled;
        private int seq;
        private long total;
        private SQLException failure;

        ChunkWriter(Connection c, long id, int chunkBytes) throws SQLException {
            this.insert = c.prepareStatement(INSERT_CHUNK);
            this.id = id;
            this.buffer = new byte[chunkBytes];
        }

        @Override
        public void write(int b) throws IOException {
            if (filled == buffer.length) {
                flushChunk();
            }
            buffer[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        /** Inserts the buffered bytes, if any, as the next chunk. */
        void flushChunk() {
            if (filled == 0) {
                return;
            }
            try {
                insert.setLong(1, id);
                insert.setInt(2, seq);
                insert.setBinaryStream(3, new ByteArrayInputStream(buffer, 0, filled), filled);
                insert.executeUpdate();
            } catch (SQLException e) {
                failure = e;
                throw new UncheckedIOException(new IOException("cannot store chunk " + seq + ": "
                        + SqlErrors.message(e), e));
            }
            seq++;
            total += filled;
            filled = 0;
        }

        Optional<SQLException> failure() {
            return Optional.ofNullable(failure);
        }

        long total() {
            return total;
        }

        @Override
        public void close() {
            try {
                insert.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
    }

    /** The chunks of one entry as one stream; refuses to end early. */
    private static final class ChunkReader extends InputStream {
        private final ResultSet rows;
        private final ArchivedModel entry;
        private byte[] chunk = new byte[0];
        private int pos;
        private long total;
        private boolean done;

        ChunkReader(ResultSet rows, ArchivedModel entry) {
            this.rows = rows;
            this.entry = entry;
        }

        /** Whether a byte is available, fetching the next chunk when the current one is used up. */
        private boolean fill() throws IOException {
            while (pos == chunk.length) {
                if (done) {
                    return false;
                }
                try {
                    if (!rows.next()) {
                        done = true;
                        if (total != entry.bytes()) {
                            throw new IOException(entry.kind() + " model " + entry.id() + " is incomplete: "
                                    + total + " of " + entry.bytes() + " bytes stored");
                        }
                        return false;
                    }
                    chunk = rows.getBytes(1);
                    pos = 0;
                    total += chunk.length;
                } catch (SQLException e) {
                    throw new IOException("cannot read " + entry.kind() + " model " + entry.id() + ": "
                            + SqlErrors.message(e), e);
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? chunk[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
