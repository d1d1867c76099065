// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.text.EmbeddingStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The {@code embeddings} table (schema V2) as an {@link EmbeddingStore}. Lookups go in chunks of
 * {@value #CHUNK} hashes per {@code IN (...)} query, writes in batches of one transaction per call, as an
 * upsert (H2 {@code MERGE ... KEY}, PostgreSQL {@code ON CONFLICT}).
 */
final class JdbcEmbeddingStore implements EmbeddingStore {
    private static final int CHUNK = 500;
    private static final int MAX_MODEL_ID = 128;

    private final DataSource pool;
    private final Dialect dialect;
    private final String description;

    JdbcEmbeddingStore(DataSource pool, Dialect dialect, String description) {
        this.pool = pool;
        this.dialect = dialect;
        this.description = description;
    }

    @Override
    public Map<String, float[]> get(String modelId, Collection<String> textSha256s) {
        checkModel(modelId);
        Map<String, float[]> found = new HashMap<>();
        List<String> hashes = new ArrayList<>(textSha256s);
        try (Connection c = pool.getConnection()) {
            for (int from = 0; from < hashes.size(); from += CHUNK) {
                int to = Math.min(hashes.size(), from + CHUNK);
                StringBuilder sql = new StringBuilder(
                        "SELECT text_sha256, dim, vector FROM embeddings WHERE model_id = ? AND text_sha256 IN (");
                for (int i = from; i < to; i++) {
                    sql.append(i == from ? "?" : ", ?");
                }
                sql.append(')');
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    ps.setString(1, modelId);
                    for (int i = from; i < to; i++) {
                        ps.setString(i - from + 2, hashes.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString(1), decode(rs.getBytes(3), rs.getInt(2)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new TailorException("cannot read embeddings from " + description + ": " + SqlErrors.message(e), e);
        }
        return found;
    }

    @Override
    public void put(String modelId, Map<String, float[]> vectors) {
        checkModel(modelId);
        if (vectors.isEmpty()) {
            return;
        }
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
            if (e.getKey() == null || !e.getKey().matches("[0-9a-f]{64}")) {
                throw ValidationException.of("text_sha256", "expected 64 lower-case hex digits, was '" + e.getKey()
                        + "'");
            }
            if (e.getValue() == null || e.getValue().length == 0) {
                throw ValidationException.of("vector", "empty vector for " + e.getKey());
            }
        }
        String sql = switch (dialect) {
            case H2 -> "MERGE INTO embeddings (model_id, text_sha256, dim, vector, created_at_ms)"
                    + " KEY (model_id, text_sha256) VALUES (?, ?, ?, ?, ?)";
            case POSTGRESQL -> "INSERT INTO embeddings (model_id, text_sha256, dim, vector, created_at_ms)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (model_id, text_sha256) DO UPDATE SET dim = EXCLUDED.dim,"
                    + " vector = EXCLUDED.vector, created_at_ms = EXCLUDED.created_at_ms";
        };
        long now = System.currentTimeMillis();
        try (Connection c = pool.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int n = 0;
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    ps.setString(1, modelId);
                    ps.setString(2, e.getKey());
                    ps.setInt(3, e.getValue().length);
                    ps.setBytes(4, encode(e.getValue()));
                    ps.setLong(5, now);
                    ps.addBatch();
                    if (++n % CHUNK == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new TailorException("cannot write embeddings to " + description + ": " + SqlErrors.message(e), e);
        }
    }

    @Override
    public long count(String modelId) {
        checkModel(modelId);
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM embeddings WHERE model_id = ?")) {
            ps.setString(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new TailorException("cannot count embeddings in " + description + ": " + SqlErrors.message(e), e);
        }
    }

    private static void checkModel(String modelId) {
        if (modelId == null || modelId.isBlank() || modelId.length() > MAX_MODEL_ID) {
            throw ValidationException.of("model_id", "expected a model id of 1 to " + MAX_MODEL_ID
                    + " characters, was '" + modelId + "'");
        }
    }

    static byte[] encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    static float[] decode(byte[] bytes, int dim) {
        if (bytes.length != 4 * dim) {
            throw new TailorException("corrupt embedding row: " + bytes.length + " bytes for " + dim + " dims");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }
}
