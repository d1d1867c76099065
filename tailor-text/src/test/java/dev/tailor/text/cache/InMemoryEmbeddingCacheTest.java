// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryEmbeddingCacheTest {
    private static EmbeddingKey key(String text) {
        return EmbeddingKey.of("m", text);
    }

    @Test
    void returnsOnlyWhatItHolds() {
        InMemoryEmbeddingCache cache = new InMemoryEmbeddingCache(10);
        cache.putAll(Map.of(key("a"), new float[] {1, 2}));
        Map<EmbeddingKey, float[]> found = cache.getAll(List.of(key("a"), key("b")));
        assertThat(found).containsOnlyKeys(key("a"));
        assertThat(found.get(key("a"))).containsExactly(1, 2);
    }

    @Test
    void evictsTheLeastRecentlyUsedEntry() {
        InMemoryEmbeddingCache cache = new InMemoryEmbeddingCache(2);
        cache.putAll(Map.of(key("a"), new float[] {1}));
        cache.putAll(Map.of(key("b"), new float[] {2}));
        cache.getAll(List.of(key("a")));
        cache.putAll(Map.of(key("c"), new float[] {3}));
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.getAll(List.of(key("a"), key("b"), key("c")))).containsOnlyKeys(key("a"), key("c"));
    }

    @Test
    void neitherCallerCanChangeWhatIsCached() {
        InMemoryEmbeddingCache cache = new InMemoryEmbeddingCache(10);
        float[] stored = {1, 2};
        cache.putAll(Map.of(key("a"), stored));
        stored[0] = 99;
        cache.getAll(List.of(key("a"))).get(key("a"))[1] = 99;
        assertThat(cache.getAll(List.of(key("a"))).get(key("a"))).containsExactly(1, 2);
    }

    @Test
    void rejectsANonPositiveBound() {
        assertThatThrownBy(() -> new InMemoryEmbeddingCache(0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("maxEntries");
    }
}
