// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEmbeddingCacheTest {
    @Test
    void survivesReopeningAfterFlush(@TempDir Path dir) {
        Path file = dir.resolve("sub/cache.bin");
        EmbeddingKey a = EmbeddingKey.of("m@1", "alpha");
        EmbeddingKey b = EmbeddingKey.of("m@1", "beta");
        FileEmbeddingCache c = FileEmbeddingCache.open(file);
        assertThat(c.size()).isZero();
        float[] v = {1f, -0.5f};
        c.putAll(Map.of(a, v));
        v[0] = 9f;
        assertThat(c.getAll(List.of(a)).get(a)).containsExactly(1f, -0.5f);
        c.flush();
        FileEmbeddingCache again = FileEmbeddingCache.open(file);
        assertThat(again.getAll(List.of(a, b))).containsOnlyKeys(a);
        assertThat(again.getAll(List.of(a)).get(a)).containsExactly(1f, -0.5f);
        again.flush();
        assertThat(again.size()).isEqualTo(1);
    }

    @Test
    void foreignOrTruncatedFilesAreNamed(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.writeString(junk, "hello");
        assertThatThrownBy(() -> FileEmbeddingCache.open(junk)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("junk.bin").hasMessageContaining("not an embedding cache");
        Path good = dir.resolve("good.bin");
        FileEmbeddingCache c = FileEmbeddingCache.open(good);
        c.putAll(Map.of(EmbeddingKey.of("m", "x"), new float[] {1, 2, 3}));
        c.flush();
        byte[] bytes = Files.readAllBytes(good);
        Files.write(good, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> FileEmbeddingCache.open(good)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("truncated");
    }
}
