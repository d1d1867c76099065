// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import dev.tailor.core.store.Store;
import dev.tailor.core.store.StoreWriter;
import dev.tailor.core.text.EmbeddingStore;
import dev.tailor.io.sampleshop.SampleShopConfig;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import dev.tailor.store.jdbc.JdbcStores;
import dev.tailor.text.cache.CachingTextEncoder;
import dev.tailor.text.cache.StoreEmbeddingCache;
import dev.tailor.text.encoder.EncoderConfig;
import dev.tailor.text.encoder.Encoders;
import dev.tailor.text.twotower.ItemTexts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SemanticSearchTest {
    @Test
    void reciprocalRankFusionByHand() {
        int[] out = new int[5];
        float[] s = new float[5];
        // a = [7, 8, 9], b = [9, 5]: 9 scores 1/63 + 1/61, 7 1/61, 5 1/62, 8 1/62.
        int n = SemanticSearch.fuse(new int[] {7, 8, 9}, 3, new int[] {9, 5}, 2, 60, out, s);
        assertThat(n).isEqualTo(4);
        assertThat(Arrays.copyOf(out, n)).containsExactly(9, 7, 8, 5);
        assertThat((double) s[0]).isCloseTo(1.0 / 63 + 1.0 / 61, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(SemanticSearch.fuse(new int[0], 0, new int[] {3}, 1, 60, out, s)).isEqualTo(1);
        assertThat(SemanticSearch.fuse(new int[] {1, 2, 3}, 3, new int[0], 0, 60, new int[2], new float[2]))
                .isEqualTo(2);
    }

    /**
     * The real multilingual encoder on the sample shop: "裙子" (skirt/dress) shares no word or character bigram
     * with "连衣裙" titles, so BM25 finds no dress, while the fused search does.
     */
    @Test
    void aChineseQueryWithoutCommonWordsFindsTheRelevantItems() {
        List<Item> catalog = new ArrayList<>();
        new SampleShopGenerator(SampleShopConfig.builder().items(400).customers(1).seed(42).build())
                .writeTo(new StoreWriter() {
                    @Override
                    public void upsertItems(List<Item> batch) {
                        catalog.addAll(batch);
                    }

                    @Override
                    public void upsertCustomers(List<Customer> batch) {
                    }

                    @Override
                    public int appendEvents(List<Event> batch) {
                        return batch.size();
                    }
                });
        int[] indices = IntStream.range(0, catalog.size()).toArray();
        try (Store store = JdbcStores.open("h2:mem:semantic-search");
                Encoders.Opened enc = Encoders.open(Encoders.MULTILINGUAL, EncoderConfig.defaults());
                SearchIndex bm25 = new SearchIndex();
                SemanticIndex vectors = new SemanticIndex(Encoders.MULTILINGUAL, EncoderConfig.defaults(),
                        JdbcStores.embeddings(store))) {
            EmbeddingStore table = JdbcStores.embeddings(store).orElseThrow();
            assertThat(SemanticSearch.fromCache(catalog, indices, table, enc.modelId())).isEmpty();
            assertThat(vectors.reload(catalog, indices)).isEqualTo(SemanticIndex.Mode.LEXICAL);
            assertThat(vectors.describe()).contains("tailor embed --model multilingual");
            new CachingTextEncoder(enc.encoder(), enc.modelId(), new StoreEmbeddingCache(table))
                    .encode(catalog.stream().map(ItemTexts::of).toList());
            Optional<DenseIndex> dense = SemanticSearch.fromCache(catalog, indices, table, enc.modelId());
            assertThat(dense).isPresent();
            assertThat(dense.get().size()).isEqualTo(catalog.size());
            bm25.upsert(catalog, indices);
            assertThat(vectors.reload(catalog, indices)).isEqualTo(SemanticIndex.Mode.HYBRID);
            assertThat(vectors.size()).isEqualTo(catalog.size());
            SemanticSearch search = new SemanticSearch(bm25, vectors, SemanticSearch.DEFAULT_MIN_SIMILARITY);

            String query = "裙子";
            int[] items = new int[10];
            float[] scores = new float[10];
            int lexical = bm25.search(query, items, scores);
            assertThat(dresses(catalog, items, lexical)).as("BM25 shares no term with dress titles").isZero();
            SemanticSearch.Hits hits = search.search(query, items, scores);
            assertThat(hits.mode()).isEqualTo(SemanticIndex.Mode.HYBRID);
            int n = hits.count();
            assertThat(dresses(catalog, items, n)).as("dresses among the fused top 10: %s",
                    titles(catalog, items, n)).isGreaterThanOrEqualTo(3);

            // An exact lexical match still comes first.
            Item phone = catalog.stream().filter(i -> i.title().contains("手机壳")).findFirst().orElseThrow();
            n = search.search("手机壳", items, scores).count();
            assertThat(titles(catalog, items, n).get(0)).contains("手机壳");
            assertThat(phone.title()).contains("手机壳");
        }
    }

    private static int dresses(List<Item> catalog, int[] items, int n) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (catalog.get(items[i]).categoryPath().contains("Dresses")
                    || catalog.get(items[i]).title().contains("连衣裙")) {
                c++;
            }
        }
        return c;
    }

    private static List<String> titles(List<Item> catalog, int[] items, int n) {
        List<String> t = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            t.add(catalog.get(items[i]).title());
        }
        return t;
    }
}
