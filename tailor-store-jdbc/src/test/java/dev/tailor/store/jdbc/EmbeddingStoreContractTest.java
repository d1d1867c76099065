// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import dev.tailor.core.text.EmbeddingStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embeddings table (schema V2), run per backend. */
abstract class EmbeddingStoreContractTest {
    protected String spec;
    protected Store store;
    protected EmbeddingStore emb;

    protected abstract String newSpec();

    @BeforeEach
    void open() {
        spec = newSpec();
        store = JdbcStores.open(spec);
        emb = JdbcStores.embeddings(store).orElseThrow();
    }

    @AfterEach
    void close() {
        store.close();
    }

    static String hash(int i) {
        byte[] b = new byte[32];
        b[0] = (byte) i;
        b[1] = (byte) (i >> 8);
        return HexFormat.of().formatHex(b);
    }

    @Test
    void putThenGetByModelAndHash() {
        Map<String, float[]> v = new HashMap<>();
        v.put(hash(1), new float[] {1f, -2.5f, Float.MIN_VALUE});
        v.put(hash(2), new float[] {0f, 3f, 4f});
        emb.put("m@256", v);
        Map<String, float[]> got = emb.get("m@256", List.of(hash(1), hash(2), hash(3)));
        assertThat(got).containsOnlyKeys(hash(1), hash(2));
        assertThat(got.get(hash(1))).containsExactly(1f, -2.5f, Float.MIN_VALUE);
        assertThat(emb.get("other@256", List.of(hash(1)))).isEmpty();
        assertThat(emb.count("m@256")).isEqualTo(2);
        assertThat(emb.count("other@256")).isZero();
    }

    @Test
    void putReplacesAndManyKeysSpanChunks() {
        Map<String, float[]> v = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            v.put(hash(i), new float[] {i, i + 0.5f});
            keys.add(hash(i));
        }
        emb.put("m", v);
        emb.put("m", Map.of(hash(7), new float[] {-1f, -2f, -3f}));
        Map<String, float[]> got = emb.get("m", keys);
        assertThat(got).hasSize(1234);
        assertThat(got.get(hash(7))).containsExactly(-1f, -2f, -3f);
        assertThat(got.get(hash(1000))).containsExactly(1000f, 1000.5f);
        assertThat(emb.count("m")).isEqualTo(1234);
    }

    @Test
    void badKeysAreNamed() {
        assertThatThrownBy(() -> emb.put("m", Map.of("nothex", new float[] {1f})))
                .isInstanceOf(ValidationException.class).hasMessageContaining("text_sha256");
        assertThatThrownBy(() -> emb.put("m", Map.of(hash(1), new float[0])))
                .isInstanceOf(ValidationException.class).hasMessageContaining("empty vector");
        assertThatThrownBy(() -> emb.get(" ", List.of(hash(1)))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("model_id");
    }
}
