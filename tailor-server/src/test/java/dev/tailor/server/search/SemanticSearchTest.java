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

    /**
     * Items upserted while the index is on: encoded at once into an overlay whose rows replace the base's, folded
     * into the base when it grows, dropped at a reload (which reads them back from the cache); similar never
     * returns the item itself.
     */
    @Test
    void upsertedItemsAreEncodedAtOnceAndReplaceTheirOldVectors() {
        List<Item> catalog = new ArrayList<>(List.of(
                Item.builder("a", "UR 复古碎花连衣裙 蓝色 M码").categoryPath(List.of("Fashion", "Dresses")).build(),
                Item.builder("b", "欧时力 针织连衣裙 绿色 S码").categoryPath(List.of("Fashion", "Dresses")).build(),
                Item.builder("c", "帮宝适 纸尿裤 96片 XL码").categoryPath(List.of("Baby & Kids", "Diapers")).build(),
                Item.builder("d", "花王妙而舒 夜用纸尿裤 64片").categoryPath(List.of("Baby & Kids", "Diapers")).build()));
        int[] indices = {0, 1, 2, 3};
        try (Store store = JdbcStores.open("h2:mem:semantic-upsert");
                SemanticIndex vectors = new SemanticIndex(Encoders.MULTILINGUAL, EncoderConfig.defaults(),
                        JdbcStores.embeddings(store), 3)) {
            EmbeddingStore table = JdbcStores.embeddings(store).orElseThrow();
            vectors.upsert(catalog, indices);
            assertThat(table.count(vectors.modelId())).as("off: nothing encoded").isZero();
            try (Encoders.Opened enc = Encoders.open(Encoders.MULTILINGUAL, EncoderConfig.defaults())) {
                new CachingTextEncoder(enc.encoder(), enc.modelId(), new StoreEmbeddingCache(table))
                        .encode(catalog.stream().map(ItemTexts::of).toList());
            }
            assertThat(vectors.reload(catalog, indices)).isEqualTo(SemanticIndex.Mode.HYBRID);
            int[] items = new int[4];
            float[] scores = new float[4];
            int n = vectors.similar(0, items, scores, 0f);
            assertThat(Arrays.copyOf(items, n)).doesNotContain(0).startsWith(1);

            // A new dress: encoded on upsert, the nearest to the dresses, and stored in the cache.
            Item e = Item.builder("e", "法式 雪纺 长裙 碎花 夏季").categoryPath(List.of("Fashion", "Dresses")).build();
            vectors.upsert(List.of(e), new int[] {4});
            assertThat(vectors.overlaySize()).isEqualTo(1);
            assertThat(vectors.size()).isEqualTo(5);
            n = vectors.similar(4, items, scores, 0f);
            assertThat(Arrays.copyOf(items, 2)).containsExactlyInAnyOrder(0, 1);
            assertThat(table.count(vectors.modelId())).isEqualTo(5);

            // Item "c" becomes a dress: its base row (a diaper) is skipped, the overlay's row counts.
            Item c2 = Item.builder("c", "碎花 雪纺 连衣裙 长款").categoryPath(List.of("Fashion", "Dresses")).build();
            vectors.upsert(List.of(c2), new int[] {2});
            assertThat(vectors.size()).isEqualTo(5);
            n = vectors.similar(3, items, scores, 0f);
            assertThat(items[n - 1]).as("the diaper's nearest: no longer c").isNotEqualTo(2);
            n = vectors.similar(2, items, scores, 0f);
            assertThat(Arrays.copyOf(items, 3)).contains(4).doesNotContain(3);

            // A third overlay row folds everything into the base.
            Item f = Item.builder("f", "好奇 拉拉裤 L码").categoryPath(List.of("Baby & Kids", "Diapers")).build();
            vectors.upsert(List.of(f), new int[] {5});
            assertThat(vectors.overlaySize()).isZero();
            assertThat(vectors.size()).isEqualTo(6);
            n = vectors.similar(5, items, scores, 0f);
            assertThat(items[0]).isEqualTo(3);
            assertThat(Arrays.copyOf(items, n)).doesNotContain(5);

            // A reload reads everything back from the cache: the same neighbours.
            catalog.set(2, c2);
            catalog.add(e);
            catalog.add(f);
            vectors.reload(catalog, new int[] {0, 1, 2, 3, 4, 5});
            assertThat(vectors.size()).isEqualTo(6);
            int[] again = new int[4];
            int m = vectors.similar(5, again, new float[4], 0f);
            assertThat(Arrays.copyOf(again, m)).containsExactly(Arrays.copyOf(items, n));
        }
    }
}
