// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import dev.tailor.core.text.TextEncoder;
import dev.tailor.text.encoder.OnnxTextEncoder;
import dev.tailor.text.encoder.TestModels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache in front of the real MiniLM encoder, counting what actually reaches the model. */
class CachingTextEncoderTest {
    /** Passes through to the real encoder and records every text it is asked to encode. */
    private static final class Recording implements TextEncoder {
        final OnnxTextEncoder inner = TestModels.english();
        final List<String> seen = new ArrayList<>();

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public synchronized List<float[]> encode(List<String> texts) {
            seen.addAll(texts);
            return inner.encode(texts);
        }
    }

    private final Recording model = new Recording();
    private final InMemoryEmbeddingCache cache = new InMemoryEmbeddingCache(1000);
    private final CachingTextEncoder encoder = new CachingTextEncoder(model, model.inner.modelId(), cache);

    @Test
    void unchangedTextsAreNeverEncodedTwice() {
        List<String> catalog = List.of("digital caliper 6 inch", "ph meter with atc", "lab coat white cotton");
        List<float[]> first = encoder.encode(catalog);
        List<float[]> second = encoder.encode(catalog);
        assertThat(model.seen).containsExactlyElementsOf(catalog);
        for (int i = 0; i < catalog.size(); i++) {
            assertThat(second.get(i)).containsExactly(first.get(i));
        }
        assertThat(encoder.misses()).isEqualTo(3);
        assertThat(encoder.hits()).isEqualTo(3);
    }

    @Test
    void onlyChangedOrNewTextsReachTheModel() {
        encoder.encode(List.of("digital caliper 6 inch", "ph meter with atc"));
        model.seen.clear();
        encoder.encode(List.of("digital caliper 6 inch", "ph meter with atc and probe", "new item"));
        assertThat(model.seen).containsExactly("ph meter with atc and probe", "new item");
    }

    @Test
    void duplicatesInOneCallAreEncodedOnceAndReturnedInOrder() {
        List<float[]> v = encoder.encode(List.of("a", "b", "a", "a"));
        assertThat(model.seen).containsExactly("a", "b");
        assertThat(v.get(2)).containsExactly(v.get(0));
        assertThat(v.get(3)).containsExactly(v.get(0));
        assertThat(v.get(1)).isNotEqualTo(v.get(0));
    }

    @Test
    void everyReturnedArrayIsTheCallersOwn() {
        List<float[]> v = encoder.encode(List.of("a", "a"));
        float original = v.get(1)[0];
        v.get(0)[0] = 42;
        assertThat(v.get(1)[0]).isEqualTo(original);
        assertThat(encoder.encode(List.of("a")).get(0)[0]).isEqualTo(original);
    }

    @Test
    void vectorsOfTheWrongLengthInTheCacheAreReencoded() {
        cache.putAll(java.util.Map.of(EmbeddingKey.of(encoder.modelId(), "a"), new float[] {1, 2, 3}));
        assertThat(encoder.encode(List.of("a")).get(0)).hasSize(384);
        assertThat(model.seen).containsExactly("a");
    }

    @Test
    void aDifferentModelIdDoesNotSeeTheOtherModelsEntries() {
        encoder.encode(List.of("a"));
        CachingTextEncoder other = new CachingTextEncoder(model, "all-minilm-l6-v2-q@8", cache);
        other.encode(List.of("a"));
        assertThat(model.seen).containsExactly("a", "a");
    }

    @Test
    void nullsAreRejectedByPositionBeforeAnythingIsEncoded() {
        assertThatThrownBy(() -> encoder.encode(Arrays.asList("a", null))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("texts[1]");
        assertThat(model.seen).isEmpty();
    }
}
